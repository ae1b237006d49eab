using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using static NhiemVu.Domain.Tests.Assignments.T;

namespace NhiemVu.Domain.Tests.Assignments;

/// <summary>
/// Property: whatever sequence of transitions is tried (legal or not), the aggregate's current
/// state equals the replay of its own events, a refused transition changes nothing, events are
/// only ever appended, and a snapshot "as of T" taken at T is what a later replay at T returns.
/// </summary>
public class ReplayPropertyTests
{
    private static readonly Guid[] Units = [UnitA, UnitB, UnitC];

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++) data.Add(seed);
        return data;
    }

    private static AssignmentSnapshot FromAggregate(Assignment a) => new(
        true, a.State, a.LeadUnitId, a.OriginalDeadline, a.Deadline, a.ApprovedExtensionCount,
        a.ReceivedAtUtc, a.CompletedAtUtc, a.PendingReportId, a.FindPendingReport()?.SubmittedAtUtc,
        a.AwaitingReassignment, a.LastProgressAtUtc, a.LastProgressPercent, a.LastEventSequence);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Current_state_equals_the_replay_of_its_own_events_over_random_transition_sequences(int seed) => Run(seed);

    [Fact]
    public void Random_sequences_reach_every_kind_of_event_and_every_state()
    {
        var all = Enumerable.Range(1, 60).Select(s => Run(s)).ToList();
        var kinds = all.SelectMany(a => a.Events).Select(e => e.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<AssignmentEventKind>().ToHashSet(), kinds);
        var states = all.SelectMany(a => a.Events).Where(e => e.ToState is not null).Select(e => e.ToState!.Value).ToHashSet();
        Assert.Equal(Enum.GetValues<AssignmentState>().ToHashSet(), states);
        Assert.True(all.Max(a => a.ApprovedExtensionCount) >= 2, string.Join(",", all.Select(a => $"{a.Events.Count}/{a.ApprovedExtensionCount}/{a.State}")));
        Assert.Contains(all.SelectMany(a => a.Events), e => e.IsOverride);
    }

    /// <summary>
    /// The stored list columns (written on every transition) say what the replay says now: the
    /// class (in progress within/overdue stored as Open), the deciding submission date, the due
    /// order, and "returned" as the lists computed it before it was stored (in progress, and the
    /// latest submitted report was not passed).
    /// </summary>
    private static AssignmentListColumns AssertListColumnsMatchReplay(Assignment a)
    {
        var cols = AssignmentListColumns.Of(a);
        var c = Classifier.Classify(a.Events, a.LastEventAtUtc);
        Assert.Equal(AssignmentListColumns.FromClassification(c.Class), cols.Class);
        Assert.Equal(c.DecidingSubmissionAtUtc is { } at ? ProvinceTime.LocalDate(at) : null, cols.SubmittedLocalDate);
        Assert.Equal(c.Snapshot.Deadline ?? DateOnly.MaxValue, cols.DueOrder);
        var returned = c.Snapshot.State == AssignmentState.InProgress
            && a.Reports.OrderByDescending(r => r.SubmittedAtUtc).FirstOrDefault()?.Status == AssignmentReportStatus.NotPassed;
        Assert.Equal(returned, cols.Returned);
        return cols;
    }

    [Fact]
    public void The_random_sequences_reach_every_stored_list_class_and_returned()
    {
        var seen = new List<AssignmentListColumns>();
        for (var seed = 1; seed <= 60; seed++) Run(seed, seen);
        Assert.Equal(Enum.GetValues<ListClass>().Cast<ListClass?>().Append(null).ToHashSet(), seen.Select(c => c.Class).ToHashSet());
        Assert.Contains(seen, c => c.Returned);
        Assert.Contains(seen, c => c.DueOrder == DateOnly.MaxValue);
    }

    internal static Assignment Run(int seed, List<AssignmentListColumns>? seenColumns = null)
    {
        var rng = new Random(seed);
        var now = Local(2025, 3, 3, 8);
        DateOnly? RandomDate() => rng.Next(6) == 0 ? null : D(2025, 3, 10).AddDays(rng.Next(-5, 60));
        string? RandomText() => rng.Next(8) == 0 ? (rng.Next(2) == 0 ? null : "  ") : $"text {rng.Next(1000)}";
        Actor RandomActor() => rng.Next(2) == 0 ? Office : new Actor(Guid.NewGuid(), Units[rng.Next(3)]);

        var a = Assignment.Create(Guid.NewGuid(), UnitA, RandomDate(), now, Office);
        var history = new List<(DateTimeOffset At, AssignmentSnapshot Snapshot)> { (a.LastEventAtUtc, FromAggregate(a)) };
        var seen = a.Events.ToList();
        var keys = new[] { "k1", "k2", "k3", "k4" };

        for (var step = 0; step < 80; step++)
        {
            now = rng.Next(10) == 0 ? now.AddMinutes(-rng.Next(1, 120)) : now.AddMinutes(rng.Next(1, 60 * 24 * 3));
            var by = RandomActor();
            var before = FromAggregate(a);
            var stampBefore = a.ConcurrencyStamp;
            var countBefore = a.Events.Count;
            var reportsBefore = a.Reports.Count;
            var op = rng.Next(16);
            try
            {
                switch (op)
                {
                    case 0: a.Receive(now, by); break;
                    case 1: a.PostProgress(RandomText()!, rng.Next(8) == 0 ? rng.Next(-5, 110) : rng.Next(0, 101), now, by); break;
                    case 2:
                        a.SubmitReport(Report(rng.Next(4) == 0 ? "other" : "12/BC") with
                        {
                            DocumentDate = ProvinceTime.LocalDate(now).AddDays(-rng.Next(0, 3)),
                        }, keys[rng.Next(keys.Length)], now, by);
                        break;
                    case 3: a.WithdrawReport(now, by); break;
                    case 4: a.Review(rng.Next(4) == 0, RandomText(), now, by); break;
                    case 5: a.RequestExtension((a.Deadline ?? D(2025, 4, 1)).AddDays(rng.Next(-3, 30)), RandomText()!, now, by); break;
                    case 6:
                        a.DecideExtension(rng.Next(3) > 0, now, by, RandomText(), rng.Next(2) == 0, RandomText(),
                            rng.Next(4) == 0 ? RandomDate() : null);
                        break;
                    case 7: a.Refuse(RandomText()!, now, by); break;
                    case 8: a.DecideRefusal(rng.Next(2) == 0, now, by, RandomText()); break;
                    case 9: a.Explain(RandomText()!, now, by); break;
                    case 10: a.Urge(RandomText()!, now, by); break;
                    case 11: a.Transfer(Units[rng.Next(3)], rng.Next(2) == 0 ? RandomDate() : null, RandomText(), now, by); break;
                    case 12:
                        if (rng.Next(6) != 0) continue; // keep cancellations rare so sequences run long
                        a.Cancel(RandomText()!, now, by);
                        break;
                    case 13:
                        var kind = rng.Next(6) switch { 0 => AdjustmentKind.Drop, 1 => AdjustmentKind.Add, _ => AdjustmentKind.ChangeDeadline };
                        a.RequestAdjustment(kind, RandomText()!, kind == AdjustmentKind.ChangeDeadline || rng.Next(4) == 0
                            ? (a.Deadline ?? D(2025, 4, 1)).AddDays(rng.Next(-5, 30)) : null, now, by);
                        break;
                    case 14:
                        a.DecideAdjustment(rng.Next(3) > 0, now, by, RandomText(), rng.Next(2) == 0, RandomText());
                        break;
                    default: a.PostProgress("đang làm", null, now, by); break;
                }
            }
            catch (DomainException)
            {
                // A refused transition changes nothing.
                Assert.Equal(countBefore, a.Events.Count);
                Assert.Equal(stampBefore, a.ConcurrencyStamp);
                Assert.Equal(before, FromAggregate(a));
                Assert.Equal(reportsBefore, a.Reports.Count);
                continue;
            }

            if (a.Events.Count == countBefore)
            {
                // Only an idempotent repeat of a report submission may succeed without an event.
                Assert.Equal(2, op);
                Assert.Equal(before, FromAggregate(a));
                continue;
            }
            Assert.NotEqual(stampBefore, a.ConcurrencyStamp);

            // Append-only: the earlier events are the same objects, in the same order.
            Assert.Equal(seen, a.Events.Take(seen.Count));
            seen = a.Events.ToList();
            Assert.Equal(Enumerable.Range(1, a.Events.Count), a.Events.Select(e => e.Sequence));
            Assert.All(a.Events.Zip(a.Events.Skip(1)), p => Assert.True(p.First.AtUtc <= p.Second.AtUtc));

            var current = FromAggregate(a);
            Assert.Equal(current, AssignmentReplay.Current(a.Events));
            Assert.Equal(current, AssignmentReplay.StateAt(a.Events, a.LastEventAtUtc));
            Assert.Equal(Classifier.Classify(current, a.LastEventAtUtc), Classifier.Classify(a.Events, a.LastEventAtUtc));
            seenColumns?.Add(AssertListColumnsMatchReplay(a));
            history.Add((a.LastEventAtUtc, current));
        }

        // Same question, same answer: each snapshot is what a replay at its moment returns later,
        // unless a later event was stamped with the very same instant.
        foreach (var (at, snapshot) in history)
        {
            if (a.Events.Any(e => e.AtUtc == at && e.Sequence > snapshot.LastEventSequence)) continue;
            Assert.Equal(snapshot, AssignmentReplay.StateAt(a.Events, at));
        }
        return a;
    }
}
