-- The in-memory band index (cleanwire.normalizer.dedup.band-index=memory): each entry's signature row
-- lists the band keys it claimed or took over (8 bytes each), under a commit sequence number. Batches
-- that write take the dedup_clock row lock first, so sequence numbers commit in order and every
-- replica replays the same claims. The database band table (near_band) stays for band-index=database.
ALTER TABLE near_signature ADD COLUMN claimed BYTEA;
ALTER TABLE near_signature ADD COLUMN seq BIGINT;
CREATE UNIQUE INDEX ux_near_signature_seq ON near_signature (seq);

CREATE TABLE dedup_clock (
    id  INTEGER NOT NULL,
    seq BIGINT  NOT NULL,
    CONSTRAINT pk_dedup_clock PRIMARY KEY (id)
);
INSERT INTO dedup_clock (id, seq) VALUES (1, 0);
