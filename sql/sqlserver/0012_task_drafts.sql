-- An auditor's answers to a deep-dive task saved before they are submitted (from the web app or the API), one draft
-- per task, kept across sign-outs and deleted when the task is submitted. The answers are the answers file's JSON shape.
CREATE TABLE task_draft (
    partnership_id  nvarchar(200) NOT NULL,
    task_id         nvarchar(200) NOT NULL,
    answers_json    nvarchar(max) NOT NULL,
    saved_by        nvarchar(200) NOT NULL,
    saved_utc       datetime2 NOT NULL,
    PRIMARY KEY (partnership_id, task_id)
);
