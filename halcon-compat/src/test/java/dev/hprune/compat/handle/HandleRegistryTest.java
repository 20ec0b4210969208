package dev.hprune.compat.handle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hprune.compat.error.HalconError;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HandleRegistryTest {

    private static final class Resource implements AutoCloseable {
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    private static int code(Runnable call) {
        try {
            call.run();
        } catch (HalconError e) {
            return e.code();
        }
        throw new AssertionError("no HalconError");
    }

    @Test
    void clearClosesTheResourceExactlyOnce() {
        Resource resource = new Resource();
        Handle handle = HandleRegistry.global().register(HandleType.DL_MODEL, resource);
        handle.clear();
        handle.clear();
        assertThat(resource.closed).hasValue(1);
        assertThat(handle.payload()).isNull();
    }

    @Test
    void lookupFindsTheSameHandle() {
        Handle handle = HandleRegistry.global().register(HandleType.DICT, new Object());
        assertThat(HandleRegistry.global().lookup(handle.id())).isSameAs(handle);
        assertThat(HandleRegistry.global().lookup(0)).isSameAs(Handle.NULL);
        assertThat(HandleRegistry.global().lookup(-5).isKnown()).isFalse();
    }

    @Test
    void aHandleEntersTheTableWhenItsNumberIsFirstAskedFor() {
        HandleRegistry registry = new HandleRegistry();
        Handle first = registry.register(HandleType.DICT, new Object());
        Handle second = registry.register(HandleType.DICT, new Object());
        assertThat(registry.size()).isZero();
        long id = second.id();
        assertThat(second.id()).isEqualTo(id);
        assertThat(registry.size()).isEqualTo(1);
        assertThat(registry.lookup(id)).isSameAs(second);
        // numbers follow creation, whichever went out first
        assertThat(first.id()).isLessThan(id);
        assertThat(registry.lookup(first.id())).isSameAs(first);
        assertThat(registry.size()).isEqualTo(2);
    }

    @Test
    void stateChecksGiveHalconsNumbersInOrder() {
        Handle dict = HandleRegistry.global().register(HandleType.DICT, new Object());
        assertThat(code(() -> HandleState.check(Handle.NULL, HandleType.DICT, Object.class))).isEqualTo(2453);
        assertThat(code(() -> HandleState.check(Handle.unknown(99_999_999L), HandleType.DICT, Object.class)))
                .isEqualTo(2450);
        assertThat(code(() -> HandleState.check(dict, HandleType.DL_PRUNING, Object.class))).isEqualTo(2404);
        assertThat(HandleState.check(dict, HandleType.DICT, Object.class)).isNotNull();
        dict.clear();
        assertThat(code(() -> HandleState.check(dict, HandleType.DL_PRUNING, Object.class))).isEqualTo(2454);
    }

    @Test
    void unreachableHandlesReleaseTheirResourceAndId() throws InterruptedException {
        Resource resource = new Resource();
        long id = HandleRegistry.global().register(HandleType.DL_MODEL, resource).id();
        for (int attempt = 0; attempt < 100 && resource.closed.get() == 0; attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(resource.closed).as("closed by the cleaner once unreachable").hasValue(1);
        assertThat(HandleRegistry.global().lookup(id).isKnown()).isFalse();
    }

    @Test
    void payloadOfAClearedHandleCannotBeReached() {
        Handle handle = HandleRegistry.global().register(HandleType.DICT, new Object());
        handle.clear();
        assertThatThrownBy(() -> HandleState.checkLive(handle)).isInstanceOf(HalconError.class);
    }
}
