"""Seeds a folder entry of N files totalling SIZE bytes straight into a server's SQLite database and local blob store,
as uploadFiles would have stored them (random bytes, each blob under its key's folder, its SHA-256 recorded), so the
zip benchmark needs no 10,000-part upload. Usage: seed-folder.py <ipp.db> <blobs folder> <owner email> <name> <files> <size>"""
import hashlib
import os
import sqlite3
import sys
import uuid

database, blobs, email, name, count, size = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
each = size // count
db = sqlite3.connect(database)
owner, created = db.execute(
    "SELECT u.id, e.created_at FROM users u JOIN library_entries e ON e.owner_id = u.id WHERE u.normalized_email = ? LIMIT 1",
    (email.lower(),)).fetchone()
with db:
    entry = db.execute(
        "INSERT INTO library_entries (owner_id, name, normalized_name, kind, size, sha256, file_count, created_at, stored_bytes) "
        "VALUES (?, ?, ?, 'FOLDER', ?, NULL, ?, ?, ?)",
        (owner, name, name.lower(), each * count, count, created, each * count)).lastrowid
    for i in range(count):
        data = os.urandom(each)
        key = uuid.uuid4().hex
        os.makedirs(os.path.join(blobs, key[:2]), exist_ok=True)
        with open(os.path.join(blobs, key[:2], key), "wb") as blob:
            blob.write(data)
        db.execute(
            "INSERT INTO library_files (entry_id, path, size, sha256, blob_key) VALUES (?, ?, ?, ?, ?)",
            (entry, f"d{i % 100:02d}/f{i:05d}.bin", each, hashlib.sha256(data).hexdigest(), key))
print(entry)
