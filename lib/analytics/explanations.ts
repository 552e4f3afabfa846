/** Plain-language explanations shown next to the numbers (info panel and column help). */
export const metricExplanations = {
  usages:
    "How many times reps logged that they used the asset in a deal (sent, presented, discussed, left behind).",
  deals:
    "Distinct deals the asset was used in during the period, and the distinct people who own those deals. " +
    "Each deal (and each owner) counts at its latest use of the asset, so a period that ends in the past " +
    "leaves out deals that used it again afterwards.",
  views:
    "Opens and downloads of the asset by anyone. They are not tied to deals, so deal filters do not narrow them.",
  winRate:
    "Of the closed deals (won or lost in the period) that used the asset, the share that were won. The range " +
    "after it is a 95% confidence interval: with few deals it is wide, meaning the true rate could be anywhere in it.",
  baseline:
    "The win rate of comparable closed deals that never used the asset: closed in the same period and " +
    "reached the same stage (the stage the asset was used at). Deals that get further win more often, so " +
    "comparing with all deals would flatter late-stage content.",
  lift:
    "Win rate with the asset minus the baseline, in percentage points. Shown only when there are at least " +
    "10 closed deals on each side; below that the answer is “too few deals to tell”.",
  influencedRevenue:
    "The total amount of won deals that used the asset. A deal that used several assets counts in full for " +
    "each of them, so these amounts do not add up across assets.",
  feedback:
    "What reps said after using the asset: how many rated it helped or didn't help (rated in the period), " +
    "and how many of their questions on it are still waiting for an answer.",
  playRuns:
    "Deals the play was attached to in the period (open or closed), and how many of its steps reps marked done on them.",
  playWinRate:
    "Of the closed deals (won or lost in the period) that ran the play, the share that were won, with its 95% " +
    "confidence interval. A deal reopened after closing is open again and does not count.",
  playBaseline:
    "The win rate of comparable closed deals that did not run the play: closed in the same period and reached " +
    "the stage of the play's first step.",
  buyerRooms:
    "Buyer rooms the asset was shared in during the period (a room shares it once, however often it is opened).",
  buyerOpened:
    "Rooms where at least one buyer read a page of it or downloaded it. Link scanners and bots, visits that " +
    "never showed a person reading, and visitors who asked not to be tracked do not count as opening it.",
  medianRead:
    "The middle reading time of the rooms where buyers spent time on it, all of a room's buyers together: " +
    "half of those rooms read it for less, half for more.",
  dropOff:
    "Of the rooms where buyers read it, how many got to each page (the furthest page any of their buyers " +
    "reached) and how many stopped there.",
  engagedWinRate:
    "Closed deals (won or lost in the period) where the asset was shared in a room, split by whether a buyer " +
    "opened it. Win rates with their 95% range; the difference is shown only with at least 10 closed deals on " +
    "each side.",
  causation:
    "Correlation is not causation: good reps may simply use good content, and some assets are used on deals " +
    "that were going to be won anyway. Treat lift as a signal worth investigating, not proof that the asset wins deals.",
} as const;
