package dev.lifeline.monitor.probe;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** Reads at most {@code cap} bytes of a body, then stops: a platform answering garbage forever cannot exhaust us. */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBody(int cap) {
        this.cap = cap;
    }

    static HttpResponse.BodyHandler<byte[]> handler(int cap) {
        return info -> new CappedBody(cap);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            int room = cap - buffer.size();
            if (room <= 0) {
                break;
            }
            byte[] chunk = new byte[Math.min(room, item.remaining())];
            item.get(chunk);
            buffer.write(chunk, 0, chunk.length);
        }
        if (buffer.size() >= cap && !result.isDone()) {
            result.complete(buffer.toByteArray());
            subscription.cancel();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(buffer.toByteArray());
    }
}
