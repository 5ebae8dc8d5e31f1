package io.nernst.solvers.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerTeamTest {
    @Test
    void everyPartRunsOncePerCallOnItsOwnThread() {
        try (WorkerTeam team = new WorkerTeam(3)) {
            int[] counts = new int[3];
            String[] threadNames = new String[3];
            for (int call = 0; call < 1000; call++) {
                team.run(part -> {
                    counts[part]++;
                    threadNames[part] = Thread.currentThread().getName();
                });
            }
            assertArrayEquals(new int[] {1000, 1000, 1000}, counts);
            assertEquals(Thread.currentThread().getName(), threadNames[0]);
            assertEquals("nernst-team-1", threadNames[1]);
            assertEquals("nernst-team-2", threadNames[2]);
        }
    }

    @Test
    void failureInAWorkerIsRethrownAndTheTeamStaysUsable() {
        try (WorkerTeam team = new WorkerTeam(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(part -> {
                if (part == 1) {
                    throw new IllegalStateException("part 1 failed");
                }
            }));
            assertEquals("part 1 failed", e.getMessage());
            AtomicInteger ran = new AtomicInteger();
            team.run(part -> ran.incrementAndGet());
            assertEquals(2, ran.get());
        }
    }

    @Test
    void closedTeamRejectsWork() {
        WorkerTeam team = new WorkerTeam(2);
        team.close();
        team.close();
        assertThrows(IllegalStateException.class, () -> team.run(part -> { }));
        assertThrows(IllegalArgumentException.class, () -> new WorkerTeam(0));
    }
}
