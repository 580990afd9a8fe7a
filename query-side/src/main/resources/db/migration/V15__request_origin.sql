-- A client chooses its own X-Request-Id; the access log also keeps the id the server made for the request, which
-- nobody outside can choose, and the address the request came from. Rows written before have neither.
ALTER TABLE access_log ADD COLUMN server_request_id VARCHAR(36);
ALTER TABLE access_log ADD COLUMN client_address VARCHAR(64);
