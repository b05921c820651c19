-- A STOP or START texted to the sending number is matched to contacts by their phone number.
CREATE INDEX outreach_contact_phone ON outreach_contact (phone);
