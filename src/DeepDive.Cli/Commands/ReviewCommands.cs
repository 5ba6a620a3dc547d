using System.ComponentModel;
using System.Globalization;
using DeepDive.Cli.Tables;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Engine.Reports;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

/// <summary>The partnership's case reviews: type, status, dates and how many actions each has by status.</summary>
public sealed class ReviewListCommand(Database database, CaseReviewStore reviews, ActionStore actions) : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var list = await reviews.ListAsync(settings.Partnership, cancellationToken);
        if (list.Count == 0)
        {
            AnsiConsole.MarkupLine("No case reviews yet: import an action plan with 'deepdive import actions <file.csv>'.");
            return 0;
        }

        var all = await actions.ListAsync(settings.Partnership, new ActionFilter { State = ActionState.Confirmed }, cancellationToken);
        var table = new Table().NoBorder().AddColumns("Review", "Name", "Type", "Status", "Actions now");
        foreach (var r in list)
        {
            var counts = RagCounts.Of(all.Where(a => a.ReviewId == r.ReviewId && a.Status is not null).Select(a => a.Status!.Value));
            table.AddRow(Markup.Escape(r.ReviewId), Markup.Escape(r.Name), ReviewTypes.Label(r.Type),
                Markup.Escape(r.StatusReason is null ? ReviewStatuses.Label(r.Status) : $"{ReviewStatuses.Label(r.Status)}: {r.StatusReason}"), Markup.Escape(counts.Sentence()));
        }

        FittedTable.Write(AnsiConsole.Console, table);
        return 0;
    }
}

public sealed class ReviewSettings : DatabaseSettings
{
    [CommandArgument(0, "<REVIEW>")]
    [Description("The review's id or its name (e.g. \"Sam and Kyle\").")]
    public string Review { get; init; } = "";
}

/// <summary>A review with its dates, status history, recommendations and their actions.</summary>
public sealed class ReviewShowCommand(Database database, CaseReviewStore reviews, ActionStore actions) : AsyncCommand<ReviewSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReviewSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var r = await reviews.FindAsync(settings.Partnership, settings.Review, cancellationToken)
            ?? throw new ArgumentException($"There is no case review '{settings.Review}' in partnership '{settings.Partnership}'; 'deepdive review list' shows them.");
        var output = Console.Out;
        output.WriteLine($"{r.Name} ({r.ReviewId}): {ReviewTypes.Label(r.Type).ToLowerInvariant()}");
        output.WriteLine($"Status: {ReviewStatuses.Label(r.Status)}{(r.StatusReason is null ? "" : $": {r.StatusReason}")}");
        output.WriteLine($"Incident: {UkFormat.Date(r.IncidentOn)}; rapid review: {UkFormat.Date(r.RapidReviewOn)}");
        output.WriteLine($"Governance sign-off: {(r.SignedOffOn is { } on ? $"{UkFormat.Date(on)}{(r.SignedOffBy is null ? "" : $" by {r.SignedOffBy}")}" : "not yet")}");
        output.WriteLine($"Published: {UkFormat.Date(r.PublishedOn, "not yet")}{(r.DaysToPublication is { } days ? $" ({days} days from the incident)" : "")}");
        output.WriteLine("Status history:");
        foreach (var h in await reviews.HistoryAsync(settings.Partnership, r.ReviewId, cancellationToken))
        {
            output.WriteLine($"  {UkFormat.DateAndTime(h.AtUtc)}: {ReviewStatuses.Label(h.Status)}, by {h.ChangedBy}{(h.Reason is null ? "" : $": {h.Reason}")}");
        }

        var byRecommendation = (await actions.ListAsync(settings.Partnership, new ActionFilter { ReviewId = r.ReviewId }, cancellationToken)).ToLookup(a => a.RecommendationId);
        foreach (var recommendation in await reviews.RecommendationsAsync(settings.Partnership, r.ReviewId, cancellationToken))
        {
            output.WriteLine($"Recommendation {recommendation}");
            foreach (var a in byRecommendation[recommendation.RecommendationId])
            {
                output.WriteLine($"  {a.ActionId} [{(a.Status is { } s ? RagStatuses.Name(s) : "proposed")}] {a.Description} ({a.Owner}, due {a.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})");
            }
        }

        return 0;
    }
}

public sealed class ReviewUpdateSettings : DatabaseSettings
{
    [CommandArgument(0, "<REVIEW>")]
    [Description("The review's id or its name.")]
    public string Review { get; init; } = "";

    [CommandOption("--by <NAME>")]
    [Description("Who makes the change (kept in the review's history). Required.")]
    public string By { get; init; } = "";

    [CommandOption("--status <STATUS>")]
    [Description("scoping, in-progress, on-hold (with --reason), awaiting-sign-off or published.")]
    public string? Status { get; init; }

    [CommandOption("--reason <TEXT>")]
    [Description("Why the status changed: required for on-hold (e.g. \"coroner's inquest\").")]
    public string? Reason { get; init; }

    [CommandOption("--type <TYPE>")]
    [Description("rapid review, LCSPR, serious case review, thematic review or peer review.")]
    public string? Type { get; init; }

    [CommandOption("--incident <DATE>")]
    [Description("The incident's date, yyyy-MM-dd.")]
    public string? Incident { get; init; }

    [CommandOption("--rapid-review <DATE>")]
    [Description("The rapid review's date, yyyy-MM-dd.")]
    public string? RapidReview { get; init; }

    [CommandOption("--signed-off-by <NAME>")]
    [Description("Who signed the review off in the partnership's governance (e.g. the executive).")]
    public string? SignedOffBy { get; init; }

    [CommandOption("--signed-off <DATE>")]
    [Description("When it was signed off, yyyy-MM-dd.")]
    public string? SignedOff { get; init; }

    [CommandOption("--published <DATE>")]
    [Description("When it was published, yyyy-MM-dd (moving it to published without one dates it today).")]
    public string? Published { get; init; }
}

/// <summary>Changes a review's status (kept in its history with the reason), type, dates and sign-off.</summary>
public sealed class ReviewUpdateCommand(Database database, CaseReviewStore reviews) : AsyncCommand<ReviewUpdateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReviewUpdateSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.By))
        {
            throw new ArgumentException("--by is required: say who makes the change, for the review's history.");
        }

        var change = new ReviewChange
        {
            Status = settings.Status is null ? null : ReviewStatuses.TryParse(settings.Status, out var s) ? s
                : throw new ArgumentException($"--status '{settings.Status}' is not a review status: use {ReviewStatuses.NameList}."),
            Reason = settings.Reason,
            Type = settings.Type is null ? null : ReviewTypes.TryParse(settings.Type, out var t) ? t
                : throw new ArgumentException($"--type '{settings.Type}' is not a review type: use {ReviewTypes.NameList}."),
            IncidentOn = Date("--incident", settings.Incident),
            RapidReviewOn = Date("--rapid-review", settings.RapidReview),
            SignedOffBy = settings.SignedOffBy,
            SignedOffOn = Date("--signed-off", settings.SignedOff),
            PublishedOn = Date("--published", settings.Published),
        };
        Migrator.Upgrade(database);
        var review = await reviews.UpdateAsync(settings.Partnership, settings.Review, change, settings.By, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]{review.Name} updated[/]: {ReviewStatuses.Label(review.Status).ToLowerInvariant()}{(review.StatusReason is null ? "" : $" ({review.StatusReason})")}.");
        return 0;
    }

    private static DateOnly? Date(string option, string? text) => text is null
        ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ArgumentException($"{option} '{text}' is not a date in the form yyyy-MM-dd.");
}
