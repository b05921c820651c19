package dev.lifeline.outreach.delivery;

import dev.lifeline.outreach.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The token buckets in PostgreSQL that every instance draws from. Plain SQL: one upsert refills the bucket by the
 * time passed (on the database's clock, the one clock all instances share), takes the grant and answers what is
 * left, in one round trip per grant.
 */
@ApplicationScoped
public class RateStore {

    @Inject
    Sql sql;

    /**
     * Takes {@code n} tokens from the bucket; it may go below zero (the tokens are reserved, not yet earned).
     *
     * @return the tokens left after taking; negative means the grant is usable only after {@code -left / rate} s
     */
    public double take(String bucket, double ratePerSecond, double burst, int n) {
        return sql.one("""
                insert into send_rate as b (bucket, tokens, at) values (?, ?::float8 - ?::int, clock_timestamp())
                on conflict (bucket) do update set
                    tokens = least(?::float8, b.tokens + ?::float8 * extract(epoch from clock_timestamp() - b.at)) - ?::int,
                    at = clock_timestamp()
                returning tokens
                """, rs -> rs.getDouble(1), bucket, burst, n, burst, ratePerSecond, n)
                .orElseThrow();
    }
}
