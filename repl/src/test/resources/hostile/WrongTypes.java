import static ipclab.dsl.Scenarios.*;

import ipclab.dsl.model.Scenario;

public class WrongTypes {
    public static Scenario scenario() {
        int n = "many";
        return scenario("x").build();
    }
}
