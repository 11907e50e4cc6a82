import static ipclab.dsl.Scenarios.*;

import ipclab.dsl.model.Scenario;

public class NotCompiling {
    public static Scenario scenario() {
        return scenario("x")
            .channel(msgq("q")
    }
}
