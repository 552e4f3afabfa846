-- "Did you mean" (server/search/nearest-titles.ts) now starts from the title vocabulary (title_words): the
-- words that look like a search's words, through their own trigram index, then the visible titles holding
-- them, through the title index. The title trigram index it read before grew with the library (at a million
-- assets a search that found nothing spent ~100 ms there) and nothing else reads it, so it goes, and with it
-- its upkeep on every asset write.
DROP INDEX "assets_title_trgm_idx";--> statement-breakpoint
CREATE INDEX "title_words_word_trgm_idx" ON "title_words" USING gin ("word" gin_trgm_ops);
