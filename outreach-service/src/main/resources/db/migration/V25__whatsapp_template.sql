-- A WhatsApp campaign sends one of the business's Meta-approved message templates: its name, language code and the
-- body parameters ({{1}}, {{2}}, ... in order), each a Qute template rendered per contact. Null for other channels.
-- Business data, not a contact's: it goes with the campaign row (tenant erasure deletes campaigns by tenant).
alter table campaign add column whatsapp_template   text,
                     add column whatsapp_language   text,
                     add column whatsapp_parameters text[];
