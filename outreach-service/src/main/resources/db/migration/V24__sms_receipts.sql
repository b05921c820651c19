-- What the carrier said after the provider took a message (Twilio status callbacks: delivered, undelivered, failed),
-- beside the send outcome it follows, looked up by the provider's message id. A receipt is written once: a replayed
-- or late callback changes nothing.
alter table delivery add column receipt text, add column receipt_error text, add column receipt_at timestamptz;
create index delivery_provider_message on delivery (provider_message_id) where provider_message_id is not null;
