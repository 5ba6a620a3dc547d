using System.Text.Json.Nodes;
using Dapper;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Tests.Support;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WorkflowCore.Interface;

namespace DeepDive.Engine.Tests.Workflows;

public sealed class DefinitionVersionTests
{
    // Same id, different step trees: v2 puts an extra step first, so every step id means something else in v2.
    private static readonly DefinitionLoader.Source V1 = new("versioned.json", """
        { "id": "versioned", "version": 1, "data": "deep-dive", "steps": [
          { "step": "for-each", "name": "v1 tasks", "collection": "tasks", "do": [
            { "step": "wait-for-event", "name": "v1 wait", "event": "go", "key": "item" } ] },
          { "step": "if", "name": "v1 finish", "condition": "finding-needs-work", "then": [] } ] }
        """);

    private static readonly DefinitionLoader.Source V2 = new("versioned.v2.json", """
        { "id": "versioned", "version": 2, "data": "deep-dive", "steps": [
          { "step": "if", "name": "v2 check", "condition": "finding-needs-work", "then": [] },
          { "step": "for-each", "name": "v2 tasks", "collection": "tasks", "do": [
            { "step": "wait-for-event", "name": "v2 wait", "event": "go", "key": "item" } ] },
          { "step": "if", "name": "v2 finish", "condition": "finding-needs-work", "then": [] } ] }
        """);

    [Fact]
    public void TwoVersionsOfOneId_LoadSideBySide()
    {
        var definitions = DefinitionLoader.Load([.. DefinitionLoader.Embedded(), V1, V2]);

        definitions.Where(d => d.Id == "versioned").Select(d => d.Version).Should().BeEquivalentTo([1, 2]);
    }

    [Fact]
    public void SameIdAndVersionTwice_NamesOnlyTheFilesThatClash()
    {
        var act = () => DefinitionLoader.Load([.. DefinitionLoader.Embedded(), V1, V2 with { File = "copy.json" }, V2]);

        act.Should().Throw<DefinitionException>().Which.Errors.Should().ContainSingle()
            .Which.ToString().Should().Be("copy.json, versioned.v2.json: $.version: definition 'versioned' version 2 is defined more than once");
    }

    [Fact]
    public async Task InstanceStartedOnV1_FinishesOnV1_AfterTheEngineRestartsWithV2()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var options = new RuntimeOptions { InstanceName = $"t-{Guid.NewGuid():N}", PollInterval = TimeSpan.FromMilliseconds(50) };
        var data = new DeepDiveData { DeepDiveId = "dd-1", Tasks = [new TaskRef { TaskId = "t-1" }] };
        string id;
        await using (var before = DeepDiveRuntime.Create(sqlite.Database, clock, options, [V1]))
        {
            await before.StartAsync(CancellationToken.None);
            id = await before.Services.GetRequiredService<IWorkflowHost>().StartWorkflow("versioned", data);
            await before.WaitUntilIdleAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
            (await OpenSubscriptionsAsync(sqlite, id)).Should().Be(1, "v1 waits for its event before the upgrade");
        }

        await using var after = DeepDiveRuntime.Create(sqlite.Database, clock, options, [V1, V2]);
        await after.StartAsync(CancellationToken.None);
        await after.Services.GetRequiredService<IWorkflowHost>().PublishEvent("go", "t-1", null);
        await after.WaitUntilIdleAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);
        var instance = await connection.QuerySingleAsync<(long Version, long Status)>(
            "SELECT version AS Version, status AS Status FROM wf_instance WHERE id = @id", new { id });
        instance.Should().Be((1L, 2L), "the instance keeps version 1 and completes (status 2)");
        var steps = (await connection.QueryAsync<string>("SELECT body_json FROM wf_pointer WHERE instance_id = @id", new { id }))
            .Select(body => (string)JsonNode.Parse(body)!["stepName"]!);
        steps.Should().BeEquivalentTo(["v1 tasks", "v1 wait", "v1 finish"]);
        after.Services.GetRequiredService<WorkflowStarter>().Build("versioned", new DeepDiveData(), "next").Version
            .Should().Be(2, "new instances start on the latest version");
    }

    private static async Task<long> OpenSubscriptionsAsync(SqliteDatabase sqlite, string instanceId)
    {
        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM wf_subscription WHERE instance_id = @instanceId AND terminated = 0", new { instanceId });
    }
}
