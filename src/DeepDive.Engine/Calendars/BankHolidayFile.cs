using System.Globalization;
using System.Text.Json;
using DeepDive.Domain.Calendars;

namespace DeepDive.Engine.Calendars;

/// <summary>
/// Reads the bank holidays file: GOV.UK's <c>bank-holidays.json</c> shape for one division
/// (<c>{ "division": "england-and-wales", "events": [{ "title", "date", "notes" }] }</c>), or GOV.UK's whole file,
/// from which the England and Wales division is taken.
/// </summary>
public static class BankHolidayFile
{
    public const string Division = "england-and-wales";

    /// <summary>Where the file is looked for: <c>$DEEPDIVE_BANK_HOLIDAYS</c>, else the copy shipped next to the program.</summary>
    public static string DefaultPath()
    {
        var configured = Environment.GetEnvironmentVariable("DEEPDIVE_BANK_HOLIDAYS");
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "calendars", "bank-holidays-england-and-wales.json")
            : configured;
    }

    public static IReadOnlyList<BankHoliday> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new BankHolidayFileException(path, [new("$", "the file does not exist; set DEEPDIVE_BANK_HOLIDAYS to the bank holidays file")]);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads the file's holidays, or throws <see cref="BankHolidayFileException"/> listing every problem with its JSON path.</summary>
    public static IReadOnlyList<BankHoliday> Parse(string json, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new BankHolidayFileException(fileName, [new("$", $"not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}")]);
        }

        using (document)
        {
            var errors = new List<CalendarFileError>();
            var holidays = new List<BankHoliday>();
            var root = document.RootElement;
            var path = "$";
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(Division, out var division))
            {
                // GOV.UK's whole file: every division keyed by its name.
                root = division;
                path = $"$.{Division}";
            }

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                throw new BankHolidayFileException(fileName, [new(path, "expected an object with an \"events\" array of { \"title\", \"date\", \"notes\" }")]);
            }

            if (root.TryGetProperty("division", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() != Division)
            {
                errors.Add(new($"{path}.division", $"the division is '{name.GetString()}'; DeepDive's calendar is for {Division}"));
            }

            var seen = new Dictionary<DateOnly, string>();
            var i = 0;
            foreach (var item in events.EnumerateArray())
            {
                var at = $"{path}.events[{i++}]";
                if (Read(item, at, errors) is not { } holiday)
                {
                    continue;
                }

                if (!seen.TryAdd(holiday.Date, at))
                {
                    errors.Add(new($"{at}.date", $"{holiday.Date:yyyy-MM-dd} is already given at {seen[holiday.Date]}"));
                    continue;
                }

                holidays.Add(holiday);
            }

            if (errors.Count > 0)
            {
                throw new BankHolidayFileException(fileName, errors);
            }

            return holidays.OrderBy(h => h.Date).ToList();
        }
    }

    private static BankHoliday? Read(JsonElement item, string at, List<CalendarFileError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(at, "expected an object with \"title\", \"date\" and \"notes\""));
            return null;
        }

        var title = Text(item, "title", at, errors, required: true);
        var date = Text(item, "date", at, errors, required: true);
        var notes = Text(item, "notes", at, errors, required: false) ?? "";
        DateOnly? day = null;
        if (date is not null)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                day = parsed;
                if (parsed.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    errors.Add(new($"{at}.date", $"{date} is a {parsed.DayOfWeek}; a bank holiday on a weekend is given on its substitute day (notes: \"Substitute day\")"));
                }
            }
            else
            {
                errors.Add(new($"{at}.date", $"'{date}' is not a date in the form yyyy-MM-dd"));
            }
        }

        return title is not null && day is { } d ? new BankHoliday(d, title, notes) : null;
    }

    private static string? Text(JsonElement item, string property, string at, List<CalendarFileError> errors, bool required)
    {
        if (!item.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add(new(at, $"required property '{property}' is missing"));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || (required && string.IsNullOrWhiteSpace(value.GetString())))
        {
            errors.Add(new($"{at}.{property}", required ? "expected a non-empty string" : "expected a string"));
            return null;
        }

        return value.GetString()!.Trim();
    }
}
