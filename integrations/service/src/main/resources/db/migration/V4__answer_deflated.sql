-- An answer's JSON is stored deflated (raw DEFLATE, RFC 1951, of its UTF-8 bytes): about a third of the bytes, which
-- made the embedded store's writes of /advice answers three times cheaper. answer_json stays for the rows written
-- before; a row has one or the other.
ALTER TABLE answer ADD COLUMN answer_deflated BYTEA;
