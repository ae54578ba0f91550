package io.rppg.adapter.persistence.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The subscribers of one change channel and what they are told: the channel's notifications read into news, and
 * whether the feed listens. This node's own changes are told at once when their transaction commits
 * ({@link #announceHere}), so that the request that made a change is answered after this node forgot what it
 * changed; the other nodes hear it from PostgreSQL.
 *
 * @param <C> the news
 */
public final class ChangeFeed<C> implements PostgresNotifications.ChannelListener {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private final String channel;
    private final C listeningNews;
    private final C interruptedNews;
    private final Function<String, C> reader;
    private final List<Consumer<C>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean listening;

    /**
     * @param listeningNews   what subscribers are told when the channel listens (again), and when a notification
     *                        cannot be read: they then forget everything rather than miss a change
     * @param interruptedNews what they are told when the channel stops listening
     * @param reader          a notification's payload as news; throws {@link IllegalArgumentException} when the
     *                        payload is not one
     */
    public ChangeFeed(PostgresNotifications notifications, String channel, C listeningNews, C interruptedNews,
                      Function<String, C> reader) {
        this.channel = channel;
        this.listeningNews = listeningNews;
        this.interruptedNews = interruptedNews;
        this.reader = reader;
        notifications.register(channel, this);
    }

    /** From now on, tells the listener each change; at once that the feed listens, when it does. */
    public void subscribe(Consumer<C> listener) {
        listeners.add(listener);
        if (listening) {
            listener.accept(listeningNews);
        }
    }

    /** Tells this node's subscribers of a change made in the current transaction when it commits (now without one). */
    public void announceHere(C change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publish(change);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publish(change);
            }
        });
    }

    @Override
    public void listening() {
        listening = true;
        publish(listeningNews);
    }

    @Override
    public void interrupted() {
        listening = false;
        publish(interruptedNews);
    }

    @Override
    public void notified(String payload) {
        C change;
        try {
            change = reader.apply(payload);
        } catch (IllegalArgumentException e) {
            log.warn("Unreadable change on {}; forgetting everything heard on it", channel);
            change = listeningNews;
        }
        publish(change);
    }

    private void publish(C change) {
        for (var listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.error("A listener of {} failed", channel, e);
            }
        }
    }
}
