using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Users;

/// <summary>
/// The web app's data-protection key ring, kept in the database so that every web node on it protects and reads cookies
/// and anti-forgery tokens with the same keys. The framework owns the XML; this store only keeps it, by the key's name.
/// </summary>
public sealed class DataProtectionKeyStore(Database database, TimeProvider clock)
{
    public sealed record Key(string FriendlyName, string Xml);

    public async Task<IReadOnlyList<Key>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var keys = await connection.QueryAsync<Key>(new CommandDefinition(
            $"SELECT friendly_name AS FriendlyName, xml AS Xml FROM data_protection_key ORDER BY {database.Dialect.Ordinal("friendly_name")}",
            cancellationToken: cancellationToken));
        return [.. keys];
    }

    /// <summary>Keeps a new key. A name already kept keeps its first XML: the framework never rewrites a key.</summary>
    public Task AddAsync(string friendlyName, string xml, CancellationToken cancellationToken) =>
        database.WriteStatementAsync(database.Dialect.InsertIfAbsent("data_protection_key", ["friendly_name"], ["xml", "created_utc"]),
            new { FriendlyName = friendlyName, Xml = xml, CreatedUtc = clock.GetUtcNow().UtcDateTime }, cancellationToken);
}
