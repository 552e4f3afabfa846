-- The title vocabulary (db/schema/search.ts, titleWords): typo-tolerant search corrects each misspelt word
-- against the words titles have held (levenshtein, fuzzystrmatch) and then finds the titles holding the
-- corrections through the title index, instead of testing every title that shares a few trigrams with the
-- words (at a million assets "kestral vualt" offered half the library's titles as candidates: 1.6 s).
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
--> statement-breakpoint
CREATE TABLE "title_words" (
	"workspace_id" uuid NOT NULL,
	"word" text COLLATE "C" NOT NULL,
	CONSTRAINT "title_words_workspace_id_word_pk" PRIMARY KEY("workspace_id","word")
);
--> statement-breakpoint
ALTER TABLE "title_words" ADD CONSTRAINT "title_words_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint

-- A title's words as the 'simple' configuration indexes them in the head (weight A), 2 to 40 characters.
CREATE FUNCTION title_words_of(p_title text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple', coalesce(p_title, '')))) w
  WHERE length(w) BETWEEN 2 AND 40
$$;
--> statement-breakpoint

-- New words of a new or renamed title join the vocabulary; words are never removed (a stale word only
-- offers a correction no title has, and the search still finds titles through the title index).
CREATE FUNCTION title_words_upkeep() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO title_words (workspace_id, word)
    SELECT NEW.workspace_id, w FROM title_words_of(NEW.title) w
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint

CREATE TRIGGER assets_title_words_inserted AFTER INSERT ON assets
  FOR EACH ROW EXECUTE FUNCTION title_words_upkeep();
--> statement-breakpoint
CREATE TRIGGER assets_title_words_renamed AFTER UPDATE OF title ON assets
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION title_words_upkeep();
--> statement-breakpoint

INSERT INTO title_words (workspace_id, word)
  SELECT DISTINCT a.workspace_id, w FROM assets a CROSS JOIN LATERAL title_words_of(a.title) w
  ON CONFLICT DO NOTHING;
