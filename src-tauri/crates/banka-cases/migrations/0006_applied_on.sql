-- The application date (YYYY-MM-DD): the day the case was finalized, on which its answers were
-- judged (ages, "not in the future"). The submission carries it, so the agency judges the same
-- case on the same day; reopening clears it.
ALTER TABLE cases ADD COLUMN applied_on TEXT;
