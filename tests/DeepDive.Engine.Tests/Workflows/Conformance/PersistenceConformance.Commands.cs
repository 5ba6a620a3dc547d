using DeepDive.Engine.Tests.Support;
using WorkflowCore.Models;
using static DeepDive.Engine.Tests.Workflows.Conformance.ConformanceBuilders;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

public abstract partial class PersistenceConformance
{
    [ConformanceFact]
    public async Task ScheduleCommand_SameCommandAgain_KeepsTheEarliestTime()
    {
        var provider = await CreateProviderAsync();
        provider.SupportsScheduledCommands.Should().BeTrue();

        await provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0.AddMinutes(10)));
        await provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0.AddMinutes(5)));
        await provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0.AddMinutes(20)));

        var atSix = await ProcessAsync(provider, T0.AddMinutes(6));
        var later = await ProcessAsync(provider, T0.AddHours(1));

        atSix.Should().ContainSingle().Which.Should().BeEquivalentTo(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0.AddMinutes(5)));
        later.Should().BeEmpty();
    }

    [ConformanceFact]
    public async Task ProcessCommands_RunsEachDueCommandOnce_AndLeavesLaterOnes()
    {
        var provider = await CreateProviderAsync();
        provider.SupportsScheduledCommands.Should().BeTrue();

        await provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0));
        await provider.ScheduleCommand(Command(ScheduledCommand.ProcessEvent, "wf-1", T0.AddMinutes(1)));
        await provider.ScheduleCommand(Command(ScheduledCommand.ProcessEvent, "evt-1", T0.AddMinutes(2)));
        await provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-2", T0.AddMinutes(3).AddTicks(1)));

        var first = await ProcessAsync(provider, T0.AddMinutes(3));
        var again = await ProcessAsync(provider, T0.AddMinutes(3));
        var later = await ProcessAsync(provider, T0.AddMinutes(4));

        first.Should().BeEquivalentTo(
        [
            Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0),
            Command(ScheduledCommand.ProcessEvent, "wf-1", T0.AddMinutes(1)),
            Command(ScheduledCommand.ProcessEvent, "evt-1", T0.AddMinutes(2)),
        ]);
        again.Should().BeEmpty();
        later.Should().ContainSingle().Which.Data.Should().Be("wf-2");
    }

    [ConformanceFact]
    public async Task ProcessCommands_AnActionThatWritesToTheStore_Completes()
    {
        var provider = await CreateProviderAsync();
        await provider.ScheduleCommand(Command(ScheduledCommand.ProcessWorkflow, "wf-1", T0));

        // The engine's actions only queue work, but one that writes (here: putting the command off for an hour) must not
        // wait for a turn to write that ProcessCommands itself still holds.
        var processing = provider.ProcessCommands(new DateTimeOffset(T0), command =>
            provider.ScheduleCommand(Command(command.CommandName, command.Data, T0.AddHours(1))));
        var finished = await Task.WhenAny(processing, Task.Delay(TimeSpan.FromSeconds(20)));

        finished.Should().BeSameAs(processing, "an action that writes must not wait on the command queue's own write turn");
        await processing;
        (await ProcessAsync(provider, T0.AddMinutes(30))).Should().BeEmpty();
        (await ProcessAsync(provider, T0.AddHours(1))).Should().ContainSingle().Which.Data.Should().Be("wf-1");
    }

    private static ScheduledCommand Command(string name, string data, DateTime time) =>
        new() { CommandName = name, Data = data, ExecuteTime = time.Ticks };

    private static async Task<List<ScheduledCommand>> ProcessAsync(WorkflowCore.Interface.IPersistenceProvider provider, DateTime asOf)
    {
        var ran = new List<ScheduledCommand>();
        await provider.ProcessCommands(new DateTimeOffset(asOf), command =>
        {
            ran.Add(command);
            return Task.CompletedTask;
        });
        return ran;
    }
}
