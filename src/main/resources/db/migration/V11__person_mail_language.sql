-- The language a person chose for their mails on My profile (en, fr); it wins over the directory's language
-- attribute. NULL: the directory's, or afterhours.mail.default-language. Choosing a language without a zone must not
-- pin the zone, so the zone becomes optional (NULL: the organisation's zone, afterhours.display.zone).
ALTER TABLE person_setting ADD COLUMN mail_language VARCHAR(8);
ALTER TABLE person_setting ALTER COLUMN time_zone DROP NOT NULL;
