-- The case list searches by name, ID number and phone: keep copies of those answers on the
-- case row, maintained by triggers so every writer (autosave, import) keeps them true.

ALTER TABLE cases ADD COLUMN applicant_name TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN applicant_id_number TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN applicant_mobile TEXT NOT NULL DEFAULT '';

-- Newest first, covering every column a search filters on: a search walks this index alone and
-- reads a case row only for the cases it shows (100,000 cases: one pass over the index).
CREATE INDEX cases_by_updated ON cases (updated_at DESC, applicant_name, applicant_mobile, applicant_id_number, status, flow_id);
CREATE INDEX cases_by_status ON cases (status, updated_at DESC);
CREATE INDEX cases_by_flow ON cases (flow_id, updated_at DESC);

-- (SQLite has no INSERT OR UPDATE trigger: the two bodies are the same on purpose.)
CREATE TRIGGER answers_search_insert AFTER INSERT ON answers
WHEN NEW.path IN ('applicant.name', 'applicant.id_number', 'applicant.mobile')
BEGIN
    UPDATE cases SET
        applicant_name = CASE WHEN NEW.path = 'applicant.name' THEN coalesce(NEW.value ->> '$', '') ELSE applicant_name END,
        applicant_id_number = CASE WHEN NEW.path = 'applicant.id_number' THEN upper(coalesce(NEW.value ->> '$', '')) ELSE applicant_id_number END,
        applicant_mobile = CASE WHEN NEW.path = 'applicant.mobile' THEN coalesce(NEW.value ->> '$', '') ELSE applicant_mobile END
    WHERE id = NEW.case_id;
END;

CREATE TRIGGER answers_search_update AFTER UPDATE OF value ON answers
WHEN NEW.path IN ('applicant.name', 'applicant.id_number', 'applicant.mobile')
BEGIN
    UPDATE cases SET
        applicant_name = CASE WHEN NEW.path = 'applicant.name' THEN coalesce(NEW.value ->> '$', '') ELSE applicant_name END,
        applicant_id_number = CASE WHEN NEW.path = 'applicant.id_number' THEN upper(coalesce(NEW.value ->> '$', '')) ELSE applicant_id_number END,
        applicant_mobile = CASE WHEN NEW.path = 'applicant.mobile' THEN coalesce(NEW.value ->> '$', '') ELSE applicant_mobile END
    WHERE id = NEW.case_id;
END;

CREATE TRIGGER answers_search_delete AFTER DELETE ON answers
WHEN OLD.path IN ('applicant.name', 'applicant.id_number', 'applicant.mobile')
BEGIN
    UPDATE cases SET
        applicant_name = CASE WHEN OLD.path = 'applicant.name' THEN '' ELSE applicant_name END,
        applicant_id_number = CASE WHEN OLD.path = 'applicant.id_number' THEN '' ELSE applicant_id_number END,
        applicant_mobile = CASE WHEN OLD.path = 'applicant.mobile' THEN '' ELSE applicant_mobile END
    WHERE id = OLD.case_id;
END;

-- Cases saved under the first schema become searchable at once.
UPDATE cases SET
    applicant_name = coalesce((SELECT value ->> '$' FROM answers WHERE case_id = cases.id AND path = 'applicant.name'), ''),
    applicant_id_number = upper(coalesce((SELECT value ->> '$' FROM answers WHERE case_id = cases.id AND path = 'applicant.id_number'), '')),
    applicant_mobile = coalesce((SELECT value ->> '$' FROM answers WHERE case_id = cases.id AND path = 'applicant.mobile'), '');
