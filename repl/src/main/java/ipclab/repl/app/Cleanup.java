package ipclab.repl.app;

import java.util.List;

/**
 * What {@link Lab#cleanStale()} did about runs that died (or were kept and are over).
 *
 * @param removed   objects and files removed, workers killed, e.g. {@code msg id=3 key=0x00000000 (run of race, pid 1234)}
 * @param skipped   listed objects left alone, with why ({@code gone}, {@code not ours: ...})
 * @param staleRuns how many stale run records were deleted
 * @param quarantined damaged registry files moved aside, with why and where
 */
public record Cleanup(List<String> removed, List<String> skipped, int staleRuns, List<String> quarantined) {
    public Cleanup {
        removed = List.copyOf(removed);
        skipped = List.copyOf(skipped);
        quarantined = List.copyOf(quarantined);
    }
}
