using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Ipp.Graph.Floor;

/// <summary>The user a live session's token belongs to, as the server shows it.</summary>
internal sealed record Caller(long UserId, string Email, IReadOnlyList<string> Roles, DateTime CreatedAt, DateTime SessionExpiresAt);

/// <summary>
/// Finds the caller of a Bearer token the way Ipp.Graph does with its signed-in callers cache: the token's SHA-256
/// is looked up in <c>sessions</c> (with the user and their roles) the first time, and the caller remembered by
/// that hash; every request checks the session's expiry. The SQLite file is opened read-only.
/// </summary>
internal sealed class CallerLookup
{
    private const string BearerScheme = "Bearer ";
    private const int TokenLength = 43;

    /// <summary>Like Ipp.Graph's <c>Accounts:SessionCacheSize</c> default.</summary>
    private const int CacheSize = 10_000;

    private readonly string _connectionString;
    private readonly ConcurrentDictionary<string, Caller> _remembered = new();

    public CallerLookup(string databaseFile)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly }.ToString();
    }

    /// <summary>The caller of an Authorization header; null when it holds no token of a live session.</summary>
    public Caller? Find(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization.AsSpan(BearerScheme.Length).Trim();
        if (token.Length != TokenLength || !Base64Url.IsValid(token))
        {
            return null;
        }

        Span<byte> ascii = stackalloc byte[TokenLength];
        Encoding.ASCII.GetBytes(token, ascii);
        var hash = SHA256.HashData(ascii);
        var key = Convert.ToBase64String(hash);
        if (!_remembered.TryGetValue(key, out var caller))
        {
            caller = Load(hash);
            if (caller is null)
            {
                return null;
            }

            if (_remembered.Count >= CacheSize)
            {
                _remembered.Clear();
            }

            _remembered[key] = caller;
        }

        return DateTime.UtcNow < caller.SessionExpiresAt ? caller : null;
    }

    private Caller? Load(byte[] tokenHash)
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var session = connection.CreateCommand();
        session.CommandText = """
            SELECT s.expires_at, u.id, u.email, u.created_at
              FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = $hash
            """;
        session.Parameters.AddWithValue("$hash", tokenHash);
        DateTime expiresAt, createdAt;
        long userId;
        string email;
        using (var reader = session.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            expiresAt = DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc);
            userId = reader.GetInt64(1);
            email = reader.GetString(2);
            createdAt = DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc);
        }

        using var roles = connection.CreateCommand();
        roles.CommandText = "SELECT role FROM user_roles WHERE user_id = $user ORDER BY role";
        roles.Parameters.AddWithValue("$user", userId);
        var names = new List<string>(2);
        using (var reader = roles.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        return new Caller(userId, email, names, createdAt, expiresAt);
    }
}
