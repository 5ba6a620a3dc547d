using System.Globalization;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Import;

/// <summary>One data row of an import file: its trimmed values by column, and the errors found in them.</summary>
internal sealed class ImportRow(int line, IReadOnlyDictionary<string, string> values)
{
    private readonly List<ImportError> errors = [];

    public int Line => line;
    public IReadOnlyList<ImportError> Errors => errors;
    public bool IsValid => errors.Count == 0;

    /// <summary>Whether the file has this column at all.</summary>
    public bool Has(string column) => values.ContainsKey(column);

    public void Fail(string column, string reason) => errors.Add(new ImportError(line, column, reason));

    public string Required(string column)
    {
        var value = values.GetValueOrDefault(column, "");
        if (value.Length == 0)
        {
            Fail(column, "a value is required");
        }

        return value;
    }

    public string? Optional(string column)
    {
        var value = values.GetValueOrDefault(column, "");
        return value.Length == 0 ? null : value;
    }

    /// <summary>A <c>;</c>-separated list of codes, without blanks or repeats.</summary>
    public IReadOnlyList<string> List(string column) =>
        StoredList.Split(Optional(column)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public DateTime? RequiredDate(string column)
    {
        var value = Required(column);
        return value.Length == 0 ? null : ParseDate(column, value);
    }

    public DateTime? OptionalDate(string column)
    {
        var value = Optional(column);
        return value is null ? null : ParseDate(column, value);
    }

    public int? RequiredInteger(string column, int min, int max)
    {
        var value = Required(column);
        if (value.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            Fail(column, $"'{value}' is not a whole number");
            return null;
        }

        if (number < min || number > max)
        {
            Fail(column, $"{number} is outside the range {min} to {max}");
            return null;
        }

        return number;
    }

    private DateTime? ParseDate(string column, string value)
    {
        // Dates are midnight UTC, as everywhere in DeepDive.
        if (DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            return date;
        }

        Fail(column, $"'{value}' is not a date in the form yyyy-MM-dd");
        return null;
    }
}
