using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>
/// Every <c>[Function]</c> method of the app, found by reflection the way the Worker SDK finds them for
/// <c>functions.metadata</c>: a public method with <see cref="FunctionAttribute"/> and one parameter carrying a trigger
/// attribute. The standalone host maps, schedules, polls and registers exactly these.
/// </summary>
internal sealed class FunctionMethods
{
    private FunctionMethods(IReadOnlyList<FunctionMethod> all) => All = all;

    /// <summary>Every function, by name.</summary>
    public IReadOnlyList<FunctionMethod> All { get; }

    /// <summary>The functions of one trigger type.</summary>
    /// <typeparam name="TTrigger">The trigger attribute's type, e.g. <see cref="TimerTriggerAttribute"/>.</typeparam>
    /// <returns>Each function with its trigger.</returns>
    public IEnumerable<(FunctionMethod Function, TTrigger Trigger)> Of<TTrigger>()
        where TTrigger : Attribute =>
        All.Where(f => f.Trigger is TTrigger).Select(f => (f, (TTrigger)f.Trigger));

    /// <summary>Finds the functions of an assembly.</summary>
    /// <param name="assembly">The app's assembly.</param>
    /// <returns>The functions.</returns>
    /// <exception cref="InvalidOperationException">Two functions share a name, or one has no trigger or several.</exception>
    public static FunctionMethods FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return FromTypes(assembly.GetTypes());
    }

    /// <summary>Finds the functions of some classes (tests run a few functions of their own this way).</summary>
    /// <param name="types">The classes declaring <c>[Function]</c> methods.</param>
    /// <returns>The functions.</returns>
    /// <exception cref="InvalidOperationException">Two functions share a name, or one has no trigger or several.</exception>
    public static FunctionMethods FromTypes(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var functions = new List<FunctionMethod>();
        foreach (var method in types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            var triggers = method.GetParameters()
                .SelectMany(p => p.GetCustomAttributes().Where(IsTrigger).Select(a => (Parameter: p, Attribute: a)))
                .ToList();
            if (triggers.Count != 1)
            {
                throw new InvalidOperationException(
                    $"The function '{function.Name}' ({method.DeclaringType?.Name}.{method.Name}) must have exactly one trigger parameter; it has {triggers.Count}.");
            }

            functions.Add(new FunctionMethod(function.Name, method, triggers[0].Attribute, triggers[0].Parameter));
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? new FunctionMethods([.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)])
            : throw new InvalidOperationException($"Two functions are named '{duplicate.Key}'.");
    }

    // The worker's trigger attributes all derive from TriggerBindingAttribute (HTTP, timer, queue, orchestration, activity).
    private static bool IsTrigger(Attribute attribute) => attribute is Microsoft.Azure.Functions.Worker.Extensions.Abstractions.TriggerBindingAttribute;
}
