-- The working calendar. Bank holidays for England and Wales, copied from calendars/bank-holidays-england-and-wales.json
-- at init and start-up (national, so not per partnership); each partnership's school terms, whose gaps are its
-- school holidays. Dates are midnight UTC, as opened_on.
CREATE TABLE bank_holiday (
    division    nvarchar(200) NOT NULL,
    holiday_on  datetime2 NOT NULL,
    title       nvarchar(200) NOT NULL,
    notes       nvarchar(200) NOT NULL,
    PRIMARY KEY (division, holiday_on)
);

CREATE TABLE school_term (
    partnership_id  nvarchar(200) NOT NULL REFERENCES partnership(id),
    starts_on       datetime2 NOT NULL,
    ends_on         datetime2 NOT NULL,
    name            nvarchar(200) NOT NULL,
    imported_utc    datetime2 NOT NULL,
    PRIMARY KEY (partnership_id, starts_on)
);

-- A round whose firing fell on a day that is not a working day opens on the next one: when it was due, and why it moved.
ALTER TABLE audit_round ADD moved_from_utc datetime2 NULL;
ALTER TABLE audit_round ADD move_reason nvarchar(max) NULL;
