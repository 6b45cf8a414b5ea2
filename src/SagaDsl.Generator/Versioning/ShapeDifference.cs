using System.Collections.Generic;
using System.Linq;
using SagaDsl.Generator.Model;

namespace SagaDsl.Generator.Versioning;

/// <summary>Says in a few words how a saga's shape changed, for the diagnostic that asks to record it.</summary>
internal static class ShapeDifference
{
    public static string Describe(SagaShape shipped, SagaShape current)
    {
        var changes = new List<string>();
        var before = shipped.Steps.Select(static step => step.Name).ToList();
        var after = current.Steps.Select(static step => step.Name).ToList();
        changes.AddRange(after.Except(before).Select(static name => "step " + name + " is added"));
        changes.AddRange(before.Except(after).Select(static name => "step " + name + " is removed"));
        var kept = before.Intersect(after).ToList();
        if (!kept.SequenceEqual(after.Intersect(before)))
        {
            changes.Add("steps run in another order");
        }

        foreach (var name in kept)
        {
            var old = shipped.Steps.First(step => step.Name == name);
            var now = current.Steps.First(step => step.Name == name);
            if (old.IsPivot != now.IsPivot)
            {
                changes.Add(name + (now.IsPivot ? " becomes the pivot" : " is no longer the pivot"));
            }

            if (old.IsCritical != now.IsCritical)
            {
                changes.Add(name + (now.IsCritical ? " becomes critical" : " becomes non-critical"));
            }

            if (old.Compensation != now.Compensation)
            {
                changes.Add(name + (now.Compensation is null ? " is no longer compensated" : " is undone by " + now.Compensation + (old.Compensation is null ? string.Empty : " instead of " + old.Compensation)));
            }
            else if (old.CompensationUsesStepResult != now.CompensationUsesStepResult)
            {
                changes.Add(now.Compensation + (now.CompensationUsesStepResult ? " now takes " : " no longer takes ") + name + "'s result");
            }
        }

        if (shipped.ParallelCompensation != current.ParallelCompensation)
        {
            changes.Add(current.ParallelCompensation ? "compensations run in parallel" : "compensations run newest first");
        }

        if (shipped.UpsertsAtStart != current.UpsertsAtStart)
        {
            changes.Add(current.UpsertsAtStart ? "search attributes are upserted at start" : "no search attributes are upserted at start");
        }

        if (shipped.PhaseSearchAttribute != current.PhaseSearchAttribute)
        {
            changes.Add(current.PhaseSearchAttribute is null ? "the phase search attribute is removed" : "the phase search attribute is " + current.PhaseSearchAttribute);
        }

        if (shipped.Deadline != current.Deadline)
        {
            changes.Add(current.Deadline ? "a deadline is added" : "the deadline is removed");
        }

        return string.Join("; ", changes);
    }
}
