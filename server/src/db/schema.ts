/**
 * Database schema. Unique keys are what keep concurrent writers (several requests, several
 * server instances) from duplicating rows: every insert here is an upsert on one of them.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Upstream response bodies, stored once per SHA-256 of the body. */
export const responseBodies = pgTable('response_bodies', {
  hash: text('hash').primaryKey(),
  body: text('body').notNull(),
  size: integer('size').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
});

/** Every upstream response a provider received: what was asked, when, and what came back. */
export const providerResponses = pgTable(
  'provider_responses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    provider: text('provider').notNull(),
    url: text('url').notNull(),
    status: integer('status').notNull(),
    contentType: text('content_type'),
    hash: text('hash')
      .notNull()
      .references(() => responseBodies.hash),
    firstFetchedAt: timestamptz('first_fetched_at').notNull().defaultNow(),
    fetchedAt: timestamptz('fetched_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('provider_responses_url_hash').on(t.url, t.hash)],
);

/** One provider's harmonized answer to one look-up key; immutable apart from fetched_at. */
export const providerReleases = pgTable(
  'provider_releases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    provider: text('provider').notNull(),
    lookupKey: text('lookup_key').notNull(),
    /** Hash of release + info, so an unchanged answer re-fetched later reuses the row. */
    contentHash: text('content_hash').notNull(),
    release: jsonb('release').notNull(),
    info: jsonb('info').notNull(),
    responseIds: jsonb('response_ids').$type<number[]>().notNull().default(sql`'[]'::jsonb`),
    fetchedAt: timestamptz('fetched_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('provider_releases_key_hash').on(t.provider, t.lookupKey, t.contentHash)],
);

/**
 * The cache index and fetch lease per (provider, look-up key): which provider_releases row is
 * current, or which error, and which instance is fetching it right now.
 */
export const providerCache = pgTable(
  'provider_cache',
  {
    provider: text('provider').notNull(),
    lookupKey: text('lookup_key').notNull(),
    releaseId: bigint('release_id', { mode: 'number' }).references(() => providerReleases.id),
    error: jsonb('error'),
    fetchedAt: timestamptz('fetched_at'),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamptz('lease_until'),
  },
  (t) => [primaryKey({ columns: [t.provider, t.lookupKey] })],
);

/** A look-up as the user made it: the permalink target. */
export const lookups = pgTable(
  'lookups',
  {
    id: text('id').primaryKey(),
    query: jsonb('query').notNull(),
    /** Normalized query, to find the latest look-up for the same input. */
    queryKey: text('query_key').notNull(),
    /** The result as first returned, as JSON text: a permalink gives back the same bytes. */
    result: text('result').notNull(),
    /** provider_releases rows the result was merged from. */
    sources: jsonb('sources').$type<number[]>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    /**
     * Until when the same query may be answered with this result: shorter than the cache
     * lifetime when a provider failed or MusicBrainz did not know the release yet.
     */
    reusableUntil: timestamptz('reusable_until').notNull().defaultNow(),
  },
  (t) => [index('lookups_query_key').on(t.queryKey, t.createdAt)],
);

/** What MusicBrainz answered for a URL: the entities it is linked to, or that it is unknown. */
export const mbUrlMappings = pgTable(
  'mb_url_mappings',
  {
    url: text('url').primaryKey(),
    found: boolean('found').notNull(),
    /** [{ targetType, mbid, ended, typeId }] */
    relations: jsonb('relations').notNull().default(sql`'[]'::jsonb`),
    checkedAt: timestamptz('checked_at').notNull().defaultNow(),
  },
  (t) => [index('mb_url_mappings_checked').on(t.checkedAt)],
);

/**
 * What MusicBrainz's recording search answered for an ISRC: the recordings that carry it (with
 * their lengths, credits and releases), or none. Cached like the URL answers.
 */
export const mbIsrcRecordings = pgTable(
  'mb_isrc_recordings',
  {
    isrc: text('isrc').primaryKey(),
    found: boolean('found').notNull(),
    /** [{ mbid, title, lengthMs, artists, releases }] */
    recordings: jsonb('recordings').notNull().default(sql`'[]'::jsonb`),
    checkedAt: timestamptz('checked_at').notNull().defaultNow(),
  },
  (t) => [index('mb_isrc_recordings_checked').on(t.checkedAt)],
);

/**
 * Request budgets shared by all instances on one database (MusicBrainz: 1 per interval): the
 * earliest moment the next request may be sent, moved on by each request as it goes (`waits`
 * counts them) and by a 503's Retry-After.
 */
export const rateBudgets = pgTable('rate_budgets', {
  name: text('name').primaryKey(),
  nextAt: timestamptz('next_at').notNull(),
  waits: bigint('waits', { mode: 'number' }).notNull().default(0),
});

/**
 * Circuit breakers open now, by provider and host ("deezer api.deezer.com"), shared by every
 * instance on the database: one that opens a breaker makes the others skip the host too, and
 * past the cool-down one probe across them all decides (`probe_until`: another instance's probe
 * is out). A closed breaker has no row. Times by the database clock.
 */
export const hostBreakers = pgTable('host_breakers', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  openUntil: timestamptz('open_until').notNull(),
  probeUntil: timestamptz('probe_until'),
});

/**
 * URLs waiting to be asked of MusicBrainz (ws/2/url), shared by every instance: whichever
 * instance's batch gets the next request slot takes up to 100 of them, whoever queued them, so
 * concurrent look-ups share requests. A claim lapses at `claimed_until` (a crashed instance);
 * a row is deleted once its answer is in mb_url_mappings.
 */
export const mbUrlQueue = pgTable(
  'mb_url_queue',
  {
    url: text('url').primaryKey(),
    queuedAt: timestamptz('queued_at').notNull().defaultNow(),
    claimedBy: text('claimed_by'),
    claimedUntil: timestamptz('claimed_until'),
  },
  (t) => [index('mb_url_queue_queued').on(t.queuedAt)],
);

/**
 * ISRCs waiting for MusicBrainz's recording search, shared by every instance like
 * mb_url_queue: whichever instance's batch gets the next request slot takes up to 50 of them,
 * whoever queued them. A row is deleted once its answer is in mb_isrc_recordings.
 */
export const mbIsrcQueue = pgTable(
  'mb_isrc_queue',
  {
    isrc: text('isrc').primaryKey(),
    queuedAt: timestamptz('queued_at').notNull().defaultNow(),
    claimedBy: text('claimed_by'),
    claimedUntil: timestamptz('claimed_until'),
  },
  (t) => [index('mb_isrc_queue_queued').on(t.queuedAt)],
);

/**
 * Store request budgets shared by the instances on one PostgreSQL: requests counted per fixed
 * window of each host rule's declared period, so that N instances together stay within what
 * one may send. Rows of past windows are deleted when a name opens a new window.
 */
export const rateWindows = pgTable(
  'rate_windows',
  {
    name: text('name').notNull(),
    /** Milliseconds since the epoch divided by the window's length, by the database clock. */
    windowIndex: bigint('window_index', { mode: 'number' }).notNull(),
    used: integer('used').notNull(),
  },
  (t) => [primaryKey({ columns: [t.name, t.windowIndex] })],
);

/**
 * The running instances on this database, each with a heartbeat by the database clock: a fetch
 * lease or a claimed MusicBrainz batch whose holder has stopped beating is taken over at once,
 * not when the lease runs out. A graceful stop deletes the row and frees what it held.
 */
export const instances = pgTable('instances', {
  id: text('id').primaryKey(),
  startedAt: timestamptz('started_at').notNull().defaultNow(),
  heartbeatAt: timestamptz('heartbeat_at').notNull().defaultNow(),
});
