"""The SQLite schema, as an ordered list of migrations.

`PRAGMA user_version` holds the number of migrations applied; opening a
database applies the missing ones in order (see `db.Store.migrate`). Never edit
a migration that has shipped: append a new one.

Rules that protect data are enforced here as triggers too, so that no code
path (a page, the CLI, a test poking the tables) can write a score to a closed
round or a score above its criterion's maximum. The domain modules check the
same rules first, to give a friendly Vietnamese message; the trigger messages
are keys that `errors.from_sqlite` translates.

Ballot secrecy is by construction: `ballot_receipts` records *that* a member
voted (no timestamp, no choice) and `ballot_tallies` holds only counters, created
for every subject and choice in a fixed order when the round opens, so neither
row order nor rowids reveal who chose what.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the whole model
    """
    CREATE TABLE conference (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        period TEXT NOT NULL DEFAULT '',
        date TEXT,                              -- ISO yyyy-mm-dd
        place TEXT NOT NULL DEFAULT '',
        legal_basis TEXT NOT NULL DEFAULT '',
        join_url TEXT NOT NULL DEFAULT '',
        current_agenda_item_id INTEGER
    );

    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );

    CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL DEFAULT 'khoa' CHECK (kind IN ('khoa', 'phong', 'doan_the', 'khac')),
        short_name TEXT NOT NULL DEFAULT '',
        staff_count INTEGER CHECK (staff_count IS NULL OR staff_count >= 0)
    );

    CREATE TABLE criteria_sets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        applies_to TEXT CHECK (applies_to IS NULL OR applies_to IN ('collective', 'individual')),
        description TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE criteria (
        id INTEGER PRIMARY KEY,
        set_id INTEGER NOT NULL REFERENCES criteria_sets(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        max_points REAL NOT NULL CHECK (max_points > 0),
        weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0),
        step REAL NOT NULL DEFAULT 0.5 CHECK (step > 0),
        UNIQUE (set_id, position)
    );

    CREATE TABLE titles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        applies_to TEXT NOT NULL CHECK (applies_to IN ('collective', 'individual')),
        level TEXT NOT NULL DEFAULT 'co_so' CHECK (level IN ('co_so', 'cap_tren', 'hoi_nghi')),
        needs_scoring INTEGER NOT NULL DEFAULT 1 CHECK (needs_scoring IN (0, 1)),
        needs_ballot INTEGER NOT NULL DEFAULT 1 CHECK (needs_ballot IN (0, 1)),
        allow_abstain INTEGER NOT NULL DEFAULT 0 CHECK (allow_abstain IN (0, 1)),
        threshold_pct REAL NOT NULL DEFAULT 50 CHECK (threshold_pct BETWEEN 0 AND 100),
        threshold_rule TEXT NOT NULL DEFAULT 'more_than' CHECK (threshold_rule IN ('at_least', 'more_than')),
        denominator TEXT NOT NULL DEFAULT 'all' CHECK (denominator IN ('all', 'present')),
        quorum_pct REAL NOT NULL DEFAULT 66.67 CHECK (quorum_pct BETWEEN 0 AND 100),
        min_score REAL CHECK (min_score IS NULL OR min_score BETWEEN 0 AND 100),
        quota_kind TEXT NOT NULL DEFAULT 'none' CHECK (quota_kind IN ('none', 'top_n', 'pct_of_title')),
        quota_value REAL CHECK (quota_value IS NULL OR quota_value >= 0),
        quota_of_title_id INTEGER REFERENCES titles(id) ON DELETE SET NULL,
        criteria_set_id INTEGER REFERENCES criteria_sets(id) ON DELETE SET NULL,
        legal_basis TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('chair', 'vice_chair', 'member', 'secretary')),
        position TEXT NOT NULL DEFAULT '',
        unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
        is_voting INTEGER NOT NULL DEFAULT 1 CHECK (is_voting IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        code_hash TEXT,                         -- salted scrypt of the access code; never the code
        code_lookup TEXT UNIQUE                 -- short keyed digest to find the row before scrypt
    );

    CREATE TABLE candidates (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('collective', 'individual')),
        full_name TEXT NOT NULL,
        position TEXT NOT NULL DEFAULT '',
        unit_id INTEGER REFERENCES units(id) ON DELETE RESTRICT,
        title_id INTEGER NOT NULL REFERENCES titles(id) ON DELETE RESTRICT,
        achievements TEXT NOT NULL DEFAULT '',
        has_initiative INTEGER NOT NULL DEFAULT 0 CHECK (has_initiative IN (0, 1)),
        member_id INTEGER REFERENCES members(id) ON DELETE SET NULL,  -- the candidate sits on the council
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (full_name, unit_id, title_id)
    );

    CREATE TABLE counting_board (
        id INTEGER PRIMARY KEY,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('head', 'member')),
        position INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        position INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'setup' CHECK (status IN ('setup', 'open', 'closed', 'published')),
        ballot_mode TEXT NOT NULL DEFAULT 'per_nominee' CHECK (ballot_mode IN ('per_nominee', 'whole_list')),
        method TEXT NOT NULL DEFAULT 'mean' CHECK (method IN ('mean', 'median', 'trimmed_mean')),
        normalise INTEGER NOT NULL DEFAULT 0 CHECK (normalise IN (0, 1)),
        normalise_min_scores INTEGER NOT NULL DEFAULT 5,
        disagreement_sd REAL NOT NULL DEFAULT 10,
        recuse_same_unit INTEGER NOT NULL DEFAULT 1 CHECK (recuse_same_unit IN (0, 1)),
        revealed INTEGER NOT NULL DEFAULT 0 CHECK (revealed IN (0, 1)),
        opened_at TEXT,
        closed_at TEXT,
        published_at TEXT
    );

    CREATE TABLE round_candidates (
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (round_id, candidate_id)
    );

    CREATE TABLE conflicts (                    -- recusals added by hand
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (member_id, candidate_id)
    );

    CREATE TABLE attendance (
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        present INTEGER NOT NULL CHECK (present IN (0, 1)),
        PRIMARY KEY (round_id, member_id)
    );

    CREATE TABLE scores (                       -- drafts and submitted scores alike
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
        criterion_id INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
        points REAL NOT NULL CHECK (points >= 0),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (round_id, member_id, candidate_id, criterion_id)
    );

    CREATE TABLE score_submissions (            -- one per member per round; scores are final once here
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        source TEXT NOT NULL DEFAULT 'online' CHECK (source IN ('online', 'paper')),
        submitted_at TEXT NOT NULL,
        PRIMARY KEY (round_id, member_id)
    );

    CREATE TABLE ballot_receipts (              -- that a member voted; deliberately no time, no choice
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        source TEXT NOT NULL DEFAULT 'online' CHECK (source IN ('online', 'paper')),
        valid INTEGER NOT NULL DEFAULT 1 CHECK (valid IN (0, 1)),
        PRIMARY KEY (round_id, member_id)
    ) WITHOUT ROWID;

    CREATE TABLE ballot_tallies (               -- anonymous counters; candidate_id NULL = the whole list
        round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
        candidate_id INTEGER REFERENCES candidates(id) ON DELETE CASCADE,
        choice TEXT NOT NULL CHECK (choice IN ('approve', 'reject', 'abstain')),
        count INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0)
    );
    CREATE UNIQUE INDEX ballot_tallies_key ON ballot_tallies (round_id, IFNULL(candidate_id, 0), choice);

    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,            -- sha256 of the token in the member's URL
        member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        revoked INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE login_failures (
        client TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE INDEX login_failures_client ON login_failures (client, at);

    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL DEFAULT '',
        entity_id INTEGER,
        detail TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE agenda_items (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        speaker TEXT NOT NULL DEFAULT '',
        start_time TEXT NOT NULL DEFAULT '',    -- HH:MM
        duration_min INTEGER CHECK (duration_min IS NULL OR duration_min >= 0),
        round_id INTEGER REFERENCES rounds(id) ON DELETE SET NULL,
        note TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE movements (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        short_name TEXT NOT NULL DEFAULT '',
        period TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE indicators (
        id INTEGER PRIMARY KEY,
        movement_id INTEGER NOT NULL REFERENCES movements(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        unit_of_measure TEXT NOT NULL DEFAULT '',
        direction TEXT NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
        baseline_year INTEGER NOT NULL DEFAULT 2020,
        baseline REAL,
        target_2025 REAL,
        target_2030 REAL,
        position INTEGER NOT NULL DEFAULT 0,
        UNIQUE (movement_id, name)
    );

    CREATE TABLE indicator_values (
        id INTEGER PRIMARY KEY,
        indicator_id INTEGER NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
        unit_id INTEGER REFERENCES units(id) ON DELETE CASCADE,   -- NULL = the whole school
        year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        value REAL NOT NULL,
        source TEXT NOT NULL DEFAULT ''
    );
    CREATE UNIQUE INDEX indicator_values_key ON indicator_values (indicator_id, IFNULL(unit_id, 0), year);

    -- Backstops for the rules the domain checks first (messages are i18n keys).
    CREATE TRIGGER scores_round_open_ins BEFORE INSERT ON scores
    WHEN (SELECT status FROM rounds WHERE id = NEW.round_id) IS NOT 'open'
    BEGIN SELECT RAISE(ABORT, 'err.round_not_open'); END;

    CREATE TRIGGER scores_round_open_upd BEFORE UPDATE ON scores
    WHEN (SELECT status FROM rounds WHERE id = NEW.round_id) IS NOT 'open'
    BEGIN SELECT RAISE(ABORT, 'err.round_not_open'); END;

    CREATE TRIGGER scores_round_open_del BEFORE DELETE ON scores
    WHEN (SELECT status FROM rounds WHERE id = OLD.round_id) IS 'open'
     AND EXISTS (SELECT 1 FROM score_submissions s
                 WHERE s.round_id = OLD.round_id AND s.member_id = OLD.member_id)
    BEGIN SELECT RAISE(ABORT, 'err.sheet_already_submitted'); END;

    CREATE TRIGGER scores_max_ins BEFORE INSERT ON scores
    WHEN NEW.points > (SELECT max_points FROM criteria WHERE id = NEW.criterion_id)
    BEGIN SELECT RAISE(ABORT, 'err.score_out_of_range'); END;

    CREATE TRIGGER scores_max_upd BEFORE UPDATE ON scores
    WHEN NEW.points > (SELECT max_points FROM criteria WHERE id = NEW.criterion_id)
    BEGIN SELECT RAISE(ABORT, 'err.score_out_of_range'); END;

    CREATE TRIGGER scores_after_submit_ins BEFORE INSERT ON scores
    WHEN EXISTS (SELECT 1 FROM score_submissions s
                 WHERE s.round_id = NEW.round_id AND s.member_id = NEW.member_id)
    BEGIN SELECT RAISE(ABORT, 'err.sheet_already_submitted'); END;

    CREATE TRIGGER scores_after_submit_upd BEFORE UPDATE ON scores
    WHEN EXISTS (SELECT 1 FROM score_submissions s
                 WHERE s.round_id = NEW.round_id AND s.member_id = NEW.member_id)
    BEGIN SELECT RAISE(ABORT, 'err.sheet_already_submitted'); END;

    CREATE TRIGGER submissions_round_open BEFORE INSERT ON score_submissions
    WHEN (SELECT status FROM rounds WHERE id = NEW.round_id) IS NOT 'open'
    BEGIN SELECT RAISE(ABORT, 'err.round_not_open'); END;

    CREATE TRIGGER submissions_frozen BEFORE DELETE ON score_submissions
    WHEN (SELECT status FROM rounds WHERE id = OLD.round_id) IN ('closed', 'published')
    BEGIN SELECT RAISE(ABORT, 'err.round_not_open'); END;

    CREATE TRIGGER receipts_round_open BEFORE INSERT ON ballot_receipts
    WHEN (SELECT status FROM rounds WHERE id = NEW.round_id) IS NOT 'open'
    BEGIN SELECT RAISE(ABORT, 'err.round_not_open'); END;

    CREATE TRIGGER receipts_frozen_upd BEFORE UPDATE ON ballot_receipts
    BEGIN SELECT RAISE(ABORT, 'err.ballot_already_cast'); END;

    CREATE TRIGGER receipts_frozen_del BEFORE DELETE ON ballot_receipts
    WHEN (SELECT status FROM rounds WHERE id = OLD.round_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'err.ballot_already_cast'); END;

    CREATE TRIGGER tallies_round_open BEFORE UPDATE OF count ON ballot_tallies
    WHEN (SELECT status FROM rounds WHERE id = NEW.round_id) IS NOT 'open'
    BEGIN SELECT RAISE(ABORT, 'err.round_not_open'); END;

    CREATE TRIGGER tallies_only_up BEFORE UPDATE OF count ON ballot_tallies
    WHEN NEW.count < OLD.count
    BEGIN SELECT RAISE(ABORT, 'err.ballot_already_cast'); END;
    """,
    # 2: which title of a revealed round the projector shows (NULL = every title, one under the other)
    """
    ALTER TABLE rounds ADD COLUMN projected_title_id INTEGER REFERENCES titles(id) ON DELETE SET NULL;
    """,
    # 3: a round whose ballots were counted at a close takes no more ballots, even reopened: one more
    # ballot in the same count, published again, would be the difference of the two counts, that is
    # the late voter's choices. A re-vote is a new round. Rounds already closed with ballots are counted.
    """
    ALTER TABLE rounds ADD COLUMN ballots_counted INTEGER NOT NULL DEFAULT 0 CHECK (ballots_counted IN (0, 1));

    UPDATE rounds SET ballots_counted = 1
    WHERE closed_at IS NOT NULL AND EXISTS (SELECT 1 FROM ballot_receipts b WHERE b.round_id = rounds.id);

    CREATE TRIGGER receipts_after_count BEFORE INSERT ON ballot_receipts
    WHEN (SELECT ballots_counted FROM rounds WHERE id = NEW.round_id) = 1
    BEGIN SELECT RAISE(ABORT, 'err.ballots_counted'); END;

    CREATE TRIGGER tallies_after_count BEFORE UPDATE OF count ON ballot_tallies
    WHEN (SELECT ballots_counted FROM rounds WHERE id = NEW.round_id) = 1
    BEGIN SELECT RAISE(ABORT, 'err.ballots_counted'); END;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
