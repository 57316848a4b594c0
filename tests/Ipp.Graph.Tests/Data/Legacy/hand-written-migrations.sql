CREATE TABLE "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO "__EFMigrationsHistory" VALUES('20261121150000_Accounts','10.0.14');
INSERT INTO "__EFMigrationsHistory" VALUES('20261121170000_Experiments','10.0.14');
INSERT INTO "__EFMigrationsHistory" VALUES('20261122100000_StoredBytes','10.0.14');
INSERT INTO "__EFMigrationsHistory" VALUES('20261206120000_ParametersWithoutNameFields','10.0.14');
CREATE TABLE "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE "experiment_events" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_experiment_events" PRIMARY KEY AUTOINCREMENT,
    "experiment_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "previous_status" TEXT NULL,
    "occurred_at" TEXT NOT NULL
);
CREATE TABLE "experiment_inputs" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_experiment_inputs" PRIMARY KEY AUTOINCREMENT,
    "experiment_id" INTEGER NOT NULL,
    "parameter" TEXT NOT NULL,
    "stored_name" TEXT NOT NULL,
    "original_name" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    CONSTRAINT "fk_experiment_inputs_experiments_experiment_id" FOREIGN KEY ("experiment_id") REFERENCES "experiments" ("id") ON DELETE CASCADE
);
CREATE TABLE "experiments" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_experiments" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "application_key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NULL,
    "parameters" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "status_changed_at" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "stored_bytes" INTEGER NOT NULL,
    CONSTRAINT "fk_experiments_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE TABLE "sessions" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_sessions" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NOT NULL,
    "token_hash" BLOB NOT NULL,
    "issued_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    CONSTRAINT "fk_sessions_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE TABLE "user_roles" (
    "user_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    CONSTRAINT "PK_user_roles" PRIMARY KEY ("user_id", "role"),
    CONSTRAINT "fk_user_roles_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE TABLE "users" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_users" PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "normalized_email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);
CREATE UNIQUE INDEX "ix_users_normalized_email" ON "users" ("normalized_email");
CREATE UNIQUE INDEX "ix_sessions_token_hash" ON "sessions" ("token_hash");
CREATE UNIQUE INDEX "ix_sessions_user_id" ON "sessions" ("user_id");
CREATE INDEX "ix_experiments_user_id_created_at" ON "experiments" ("user_id", "created_at");
CREATE UNIQUE INDEX "ix_experiment_inputs_experiment_id_stored_name" ON "experiment_inputs" ("experiment_id", "stored_name");
CREATE INDEX "ix_experiment_events_user_id_id" ON "experiment_events" ("user_id", "id");
