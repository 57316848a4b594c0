using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ipp.Graph.Data.Migrations.PostgreSql
{
    /// <summary>
    /// A trigram index (<c>pg_trgm</c>, GIN) on the library's normalized names, so that a name search
    /// (<c>normalized_name LIKE '%…%'</c>) reads the index instead of testing every entry a tag is on: made only where
    /// the extension is installed or may be created by the server's user (a managed database may refuse it); without it
    /// the migration still succeeds and the list answers the same, more slowly for a rare name (docs/benchmarks.md,
    /// "The files list"). Not part of the model: EF does not express an operator class's extension being optional.
    /// </summary>
    public partial class LibraryNameTrigramIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DO $$
                DECLARE
                    trgm_schema name;
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')
                        AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
                        BEGIN
                            CREATE EXTENSION pg_trgm;
                        EXCEPTION WHEN OTHERS THEN
                            RAISE NOTICE 'pg_trgm could not be created (%): the library''s name search goes without its trigram index', SQLERRM;
                        END;
                    END IF;

                    SELECT n.nspname INTO trgm_schema
                    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                    WHERE e.extname = 'pg_trgm';
                    IF trgm_schema IS NOT NULL THEN
                        EXECUTE format(
                            'CREATE INDEX IF NOT EXISTS ix_library_entries_normalized_name_trgm ON library_entries USING gin (normalized_name %I.gin_trgm_ops)',
                            trgm_schema);
                    END IF;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_library_entries_normalized_name_trgm;");
        }
    }
}
