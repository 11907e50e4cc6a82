package ipclab.repl.report;

import java.util.List;
import java.util.Map;

/**
 * A report made by the engine has every list and map; one read back from a JSON file (an older
 * ipclab's, or hand-made) may lack some. The tables read them through these, so absent means empty.
 */
final class Nulls {
    private Nulls() {}

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    static <K, V> Map<K, V> map(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }

    static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
