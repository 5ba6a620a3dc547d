using System.Data.Common;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Import;

/// <summary>The steps every import shares: read and check the whole file, then write all of it in one transaction or none of it.</summary>
internal static class CsvImport
{
    public delegate Task<(int Inserted, int Updated)> Writer<T>(IReadOnlyList<T> items, DbConnection connection, DbTransaction transaction);

    /// <param name="read">Turns a row into an item, or returns null after recording the row's errors on it.</param>
    public static async Task<ImportResult> RunAsync<T>(
        Database database, TimeProvider clock, string partnershipId, TextReader csv, CsvColumns columns,
        Func<ImportRow, T?> read, Writer<T> write, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        ArgumentNullException.ThrowIfNull(csv);

        var table = await CsvTable.ReadAsync(csv, columns, cancellationToken);
        var errors = new List<ImportError>(table.Errors);
        var items = new List<T>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var item = read(row);
            errors.AddRange(row.Errors);
            if (item is not null && row.IsValid)
            {
                items.Add(item);
            }
        }

        if (errors.Count > 0)
        {
            return new ImportResult(0, 0, errors.OrderBy(e => e.Line).ToList());
        }

        var partnerships = new PartnershipStore(database, clock);
        var (inserted, updated) = await database.InTransactionAsync(async (connection, transaction) =>
        {
            await partnerships.EnsureAsync(partnershipId, partnershipId, connection, transaction, cancellationToken);
            return await write(items, connection, transaction);
        }, cancellationToken);
        return new ImportResult(inserted, updated, []);
    }
}
