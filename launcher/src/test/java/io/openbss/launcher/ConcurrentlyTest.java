package io.openbss.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

    @Test
    void theCallsRunAtTheSameTimeAndTheResultsKeepTheItemsOrder() {
        List<Integer> items = List.of(5, 1, 4, 2, 3);
        CountDownLatch allStarted = new CountDownLatch(items.size());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<String> results = Concurrently.map(items, item -> {
            threads.add(Thread.currentThread().toString());
            allStarted.countDown();
            try {
                // no call returns before every call has started: sequential calls would wait here in vain
                assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return "item " + item;
        });
        assertThat(results).containsExactly("item 5", "item 1", "item 4", "item 2", "item 3");
        assertThat(threads).hasSize(items.size());
    }

    @Test
    void aFailedCallIsThrownAsItself() {
        assertThatThrownBy(() -> Concurrently.map(List.of("a", "b"), item -> {
            if (item.equals("b")) {
                throw new LauncherException("GET /admin/v1/domains answered 503");
            }
            return item;
        })).isInstanceOf(LauncherException.class).hasMessage("GET /admin/v1/domains answered 503");
    }
}
