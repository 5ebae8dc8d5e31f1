package io.nernst.solvers.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class WorkerTeamTest {
    @Test
    void everyChunkRunsExactlyOncePerCall() {
        try (WorkerTeam team = new WorkerTeam(3)) {
            int chunks = 37;
            AtomicIntegerArray counts = new AtomicIntegerArray(chunks);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int call = 0; call < 2000; call++) {
                team.run(chunks, c -> {
                    counts.incrementAndGet(c);
                    threads.add(Thread.currentThread().getName());
                    // A little work so that workers get a chance to claim chunks.
                    double s = 0;
                    for (int i = 0; i < 200; i++) {
                        s += Math.sqrt(i + c);
                    }
                    if (s < 0) {
                        throw new AssertionError();
                    }
                });
            }
            for (int c = 0; c < chunks; c++) {
                assertEquals(2000, counts.get(c), "chunk " + c);
            }
            assertTrue(threads.contains(Thread.currentThread().getName()), "the caller works too");
            assertTrue(threads.size() <= 3, "only team threads run chunks: " + threads);
        }
    }

    @Test
    void resultsWrittenByWorkersAreVisibleToTheCaller() {
        try (WorkerTeam team = new WorkerTeam(2)) {
            int[] data = new int[64];
            for (int call = 1; call <= 500; call++) {
                final int value = call;
                team.run(data.length, c -> data[c] = value);
                for (int c = 0; c < data.length; c++) {
                    assertEquals(call, data[c], "call " + call + " chunk " + c);
                }
            }
        }
    }

    @Test
    void failureInAChunkIsRethrownAndTheTeamStaysUsable() {
        try (WorkerTeam team = new WorkerTeam(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(10, c -> {
                if (c == 7) {
                    throw new IllegalStateException("chunk 7 failed");
                }
            }));
            assertEquals("chunk 7 failed", e.getMessage());
            AtomicInteger ran = new AtomicInteger();
            team.run(10, c -> ran.incrementAndGet());
            assertEquals(10, ran.get());
        }
    }

    @Test
    void zeroChunksAndClosedTeam() {
        WorkerTeam team = new WorkerTeam(2);
        team.run(0, c -> {
            throw new AssertionError("no chunk to run");
        });
        team.close();
        team.close();
        assertThrows(IllegalStateException.class, () -> team.run(1, c -> { }));
        assertThrows(IllegalArgumentException.class, () -> new WorkerTeam(0));
    }
}
