using System.Data.Common;
using Dapper;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Actions;

/// <summary>The partnership's actions and each action's status history: reads, and the writes other classes make in their own transactions.</summary>
public sealed partial class ActionStore(Database database)
{
    private sealed class Row
    {
        public string ActionId { get; set; } = "";
        public string PartnershipId { get; set; } = "";
        public string MatchKey { get; set; } = "";
        public string Source { get; set; } = "";
        public string State { get; set; } = "";
        public string? ReviewId { get; set; }
        public string? ReviewName { get; set; }
        public string? RecommendationId { get; set; }
        public string? RecommendationNumber { get; set; }
        public string? RecommendationWording { get; set; }
        public string? RoundId { get; set; }
        public string? CycleName { get; set; }
        public string? TaskId { get; set; }
        public string? CaseRef { get; set; }
        public string Description { get; set; } = "";
        public string OwnerAgency { get; set; } = "";
        public string? OwnerName { get; set; }
        public string? OwnerEmail { get; set; }
        public DateTime DueOn { get; set; }
        public string? Evidence { get; set; }
        public string? RecoveryPlan { get; set; }
        public string? Status { get; set; }
        public DateTime? StatusSinceUtc { get; set; }
        public DateTime CreatedUtc { get; set; }
        public DateTime UpdatedUtc { get; set; }
        public string? ConfirmedBy { get; set; }
        public DateTime? ConfirmedUtc { get; set; }

        public PlanAction ToAction() => new()
        {
            ActionId = ActionId,
            PartnershipId = PartnershipId,
            Source = Source,
            State = State,
            ReviewId = ReviewId,
            ReviewName = ReviewName,
            RecommendationId = RecommendationId,
            RecommendationNumber = RecommendationNumber,
            RecommendationWording = RecommendationWording,
            RoundId = RoundId,
            CycleName = CycleName,
            TaskId = TaskId,
            CaseRef = CaseRef,
            Description = Description,
            OwnerAgency = OwnerAgency,
            OwnerName = OwnerName,
            OwnerEmail = OwnerEmail,
            DueOn = UkTime.Read(DueOn),
            Evidence = Evidence,
            RecoveryPlan = RecoveryPlan,
            Status = Status is null ? null : RagStatuses.Parse(Status),
            StatusSinceUtc = StatusSinceUtc,
            CreatedUtc = CreatedUtc,
            UpdatedUtc = UpdatedUtc,
            ConfirmedBy = ConfirmedBy,
            ConfirmedUtc = ConfirmedUtc,
        };
    }

    private sealed class HistoryRow
    {
        public string ActionId { get; set; } = "";
        public int Position { get; set; }
        public string Status { get; set; } = "";
        public DateTime AtUtc { get; set; }
        public DateTime RecordedUtc { get; set; }
        public string ChangedBy { get; set; } = "";
        public string? Reason { get; set; }
        public string? Evidence { get; set; }
        public int Automatic { get; set; }

        public ActionStatusEntry ToEntry() => new(Position, RagStatuses.Parse(Status), AtUtc, RecordedUtc, ChangedBy, Reason, Evidence, Automatic != 0);
    }

    // Review actions in the order of their review and recommendation, round actions after them by round.
    private const string Select = """
        SELECT a.action_id AS ActionId, a.partnership_id AS PartnershipId, a.match_key AS MatchKey, a.source AS Source, a.state AS State,
               a.review_id AS ReviewId, v.name AS ReviewName, a.recommendation_id AS RecommendationId, r.number AS RecommendationNumber,
               r.wording AS RecommendationWording, a.round_id AS RoundId, COALESCE(cy.name, ar.cycle_id) AS CycleName, a.task_id AS TaskId,
               a.case_ref AS CaseRef, a.description AS Description, a.owner_agency AS OwnerAgency, a.owner_name AS OwnerName,
               a.owner_email AS OwnerEmail, a.due_on AS DueOn, a.evidence AS Evidence, a.recovery_plan AS RecoveryPlan, a.status AS Status,
               (SELECT MAX(s.at_utc) FROM action_status s WHERE s.action_id = a.action_id) AS StatusSinceUtc,
               a.created_utc AS CreatedUtc, a.updated_utc AS UpdatedUtc, a.confirmed_by AS ConfirmedBy, a.confirmed_utc AS ConfirmedUtc
        FROM plan_action a
        LEFT JOIN case_review v ON v.review_id = a.review_id
        LEFT JOIN recommendation r ON r.recommendation_id = a.recommendation_id
        LEFT JOIN audit_round ar ON ar.round_id = a.round_id
        LEFT JOIN cycle cy ON cy.partnership_id = ar.partnership_id AND cy.cycle_id = ar.cycle_id
        """;

    private const string Order = " ORDER BY CASE WHEN v.name_key IS NULL THEN 1 ELSE 0 END, v.name_key, r.position, ar.started_utc, a.round_id, a.task_id, a.position, a.action_id";

    /// <summary>The partnership's actions that match <paramref name="filter"/>, review by review, then round by round.</summary>
    public async Task<IReadOnlyList<PlanAction>> ListAsync(string partnershipId, ActionFilter? filter, CancellationToken cancellationToken)
    {
        filter ??= new ActionFilter();
        var where = " WHERE a.partnership_id = @PartnershipId"
            + (filter.ReviewId is null ? "" : " AND a.review_id = @ReviewId")
            + (filter.Agency is null ? "" : " AND LOWER(a.owner_agency) = @Agency")
            + (filter.Status is null ? "" : " AND a.status = @Status")
            + (filter.State is null ? "" : " AND a.state = @State")
            + (filter.RoundId is null ? "" : " AND a.round_id = @RoundId");
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Select + where + Order, new
        {
            PartnershipId = partnershipId,
            filter.ReviewId,
            Agency = filter.Agency?.Trim().ToLowerInvariant(),
            Status = filter.Status is { } s ? RagStatuses.Name(s) : null,
            filter.State,
            filter.RoundId,
        }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAction()).ToList();
    }

    /// <summary>One action of the partnership, or null when it has none with that id.</summary>
    public async Task<PlanAction?> GetAsync(string partnershipId, string actionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, partnershipId, actionId, cancellationToken);
    }

    /// <summary>An action's status changes, oldest first (by the time each is in force from, then as recorded).</summary>
    public async Task<IReadOnlyList<ActionStatusEntry>> HistoryAsync(string partnershipId, string actionId, CancellationToken cancellationToken) =>
        (await HistoriesAsync(partnershipId, actionId, cancellationToken)).GetValueOrDefault(actionId) ?? [];

    /// <summary>Every action's status changes by action (one action's when <paramref name="actionId"/> is given), oldest first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ActionStatusEntry>>> HistoriesAsync(
        string partnershipId, string? actionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await HistoriesAsync(connection, null, partnershipId, actionId, cancellationToken);
    }

    /// <summary>The confirmed actions of every partnership that are not complete: what the follow-up job looks at.</summary>
    public async Task<IReadOnlyList<PlanAction>> OpenConfirmedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE a.state = @Confirmed AND a.status <> @Blue" + Order,
            new { Confirmed = ActionState.Confirmed, Blue = RagStatuses.Name(RagStatus.Blue) }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAction()).ToList();
    }

    internal static async Task<PlanAction?> GetAsync(DbConnection connection, DbTransaction? transaction, string partnershipId, string actionId,
        CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + " WHERE a.partnership_id = @PartnershipId AND a.action_id = @ActionId",
            new { PartnershipId = partnershipId, ActionId = actionId?.Trim() }, transaction, cancellationToken: cancellationToken));
        return row?.ToAction();
    }

    internal static async Task<IReadOnlyDictionary<string, IReadOnlyList<ActionStatusEntry>>> HistoriesAsync(
        DbConnection connection, DbTransaction? transaction, string partnershipId, string? actionId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition($"""
            SELECT action_id AS ActionId, position AS Position, status AS Status, at_utc AS AtUtc, recorded_utc AS RecordedUtc,
                   changed_by AS ChangedBy, reason AS Reason, evidence AS Evidence, automatic AS Automatic
            FROM action_status WHERE partnership_id = @PartnershipId{(actionId is null ? "" : " AND action_id = @ActionId")}
            ORDER BY action_id, at_utc, position
            """, new { PartnershipId = partnershipId, ActionId = actionId }, transaction, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.ActionId).ToDictionary(g => g.Key, g => (IReadOnlyList<ActionStatusEntry>)g.Select(r => r.ToEntry()).ToList());
    }

    /// <summary>The match keys of the partnership's actions, with their ids.</summary>
    internal static async Task<IReadOnlyDictionary<string, string>> MatchKeysAsync(DbConnection connection, DbTransaction transaction, string partnershipId,
        CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(string MatchKey, string ActionId)>(new CommandDefinition(
            "SELECT match_key, action_id FROM plan_action WHERE partnership_id = @PartnershipId",
            new { PartnershipId = partnershipId }, transaction, cancellationToken: cancellationToken)))
        .ToDictionary(r => r.MatchKey, r => r.ActionId, StringComparer.Ordinal);

    /// <summary>Adds an action in the caller's transaction; an action with the same match key is left as it is. Returns whether it was added.</summary>
    internal static async Task<bool> InsertAsync(Database database, DbConnection connection, DbTransaction transaction, PlanAction action, string matchKey,
        int position, CancellationToken cancellationToken)
    {
        var sql = database.Dialect.InsertIfAbsent("plan_action", ["partnership_id", "match_key"],
        [
            "action_id", "source", "state", "review_id", "recommendation_id", "round_id", "task_id", "case_ref", "description", "owner_agency",
            "owner_name", "owner_email", "due_on", "evidence", "recovery_plan", "status", "position", "created_utc", "updated_utc", "confirmed_by", "confirmed_utc",
        ]);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            action.PartnershipId,
            MatchKey = matchKey,
            action.ActionId,
            action.Source,
            action.State,
            action.ReviewId,
            action.RecommendationId,
            action.RoundId,
            action.TaskId,
            action.CaseRef,
            action.Description,
            action.OwnerAgency,
            action.OwnerName,
            action.OwnerEmail,
            DueOn = UkTime.Stored(action.DueOn),
            action.Evidence,
            action.RecoveryPlan,
            Status = action.Status is { } s ? RagStatuses.Name(s) : null,
            Position = position,
            action.CreatedUtc,
            action.UpdatedUtc,
            action.ConfirmedBy,
            action.ConfirmedUtc,
        }, transaction, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Writes an action's own fields as given (not its status, which follows its history), in the caller's transaction.</summary>
    internal static Task UpdateAsync(DbConnection connection, DbTransaction transaction, PlanAction action, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE plan_action SET state = @State, description = @Description, owner_agency = @OwnerAgency, owner_name = @OwnerName,
                owner_email = @OwnerEmail, due_on = @DueOn, evidence = @Evidence, recovery_plan = @RecoveryPlan, updated_utc = @UpdatedUtc,
                confirmed_by = @ConfirmedBy, confirmed_utc = @ConfirmedUtc
            WHERE partnership_id = @PartnershipId AND action_id = @ActionId
            """, new
        {
            action.State,
            action.Description,
            action.OwnerAgency,
            action.OwnerName,
            action.OwnerEmail,
            DueOn = UkTime.Stored(action.DueOn),
            action.Evidence,
            action.RecoveryPlan,
            action.UpdatedUtc,
            action.ConfirmedBy,
            action.ConfirmedUtc,
            action.PartnershipId,
            action.ActionId,
        }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Adds a status change to an action's history in the caller's transaction, and makes the action's status the one of
    /// its latest change (an entry dated back does not replace a later one).
    /// </summary>
    internal static async Task AppendStatusAsync(DbConnection connection, DbTransaction transaction, string partnershipId, string actionId,
        ActionStatusEntry entry, CancellationToken cancellationToken)
    {
        var position = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM action_status WHERE action_id = @ActionId",
            new { ActionId = actionId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO action_status (partnership_id, action_id, position, status, at_utc, recorded_utc, changed_by, reason, evidence, automatic)
            VALUES (@PartnershipId, @ActionId, @Position, @Status, @AtUtc, @RecordedUtc, @ChangedBy, @Reason, @Evidence, @Automatic)
            """, new
        {
            PartnershipId = partnershipId,
            ActionId = actionId,
            Position = position,
            Status = RagStatuses.Name(entry.Status),
            entry.AtUtc,
            entry.RecordedUtc,
            entry.ChangedBy,
            entry.Reason,
            entry.Evidence,
            Automatic = entry.Automatic ? 1 : 0,
        }, transaction, cancellationToken: cancellationToken));
        var latest = await connection.QueryFirstAsync<string>(new CommandDefinition(
            "SELECT status FROM action_status WHERE action_id = @ActionId ORDER BY at_utc DESC, position DESC",
            new { ActionId = actionId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE plan_action SET status = @Status, updated_utc = @Now WHERE action_id = @ActionId",
            new { Status = latest, Now = entry.RecordedUtc, ActionId = actionId }, transaction, cancellationToken: cancellationToken));
    }
}
