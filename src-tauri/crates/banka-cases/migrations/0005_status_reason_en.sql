-- A case's status reason in both languages: `status_reason` is the Chinese, `status_reason_en`
-- the English. Reasons stored before were one "中文 / English" line: split them.
ALTER TABLE cases ADD COLUMN status_reason_en TEXT;
UPDATE cases
SET status_reason = CASE WHEN instr(status_reason, ' / ') > 0
                         THEN substr(status_reason, 1, instr(status_reason, ' / ') - 1)
                         ELSE status_reason END,
    status_reason_en = CASE WHEN instr(status_reason, ' / ') > 0
                            THEN substr(status_reason, instr(status_reason, ' / ') + 3)
                            ELSE status_reason END
WHERE status_reason IS NOT NULL;
