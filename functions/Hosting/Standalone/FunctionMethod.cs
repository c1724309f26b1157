using System.Reflection;

namespace CowansSync.Functions.Hosting.Standalone;

/// <summary>One <c>[Function]</c> method of the app, as the standalone host runs it.</summary>
/// <param name="Name">The function's name (<c>[Function("Name")]</c>), unique in the app.</param>
/// <param name="Method">The method.</param>
/// <param name="Trigger">The trigger attribute on its trigger parameter (HTTP, timer, queue, orchestration or activity).</param>
/// <param name="TriggerParameter">The parameter that receives the trigger's value.</param>
internal sealed record FunctionMethod(string Name, MethodInfo Method, Attribute Trigger, ParameterInfo TriggerParameter)
{
    /// <summary>The trigger, typed.</summary>
    /// <typeparam name="TTrigger">The trigger attribute's type.</typeparam>
    /// <returns>The trigger, or <see langword="null"/> when this function has another kind of trigger.</returns>
    public TTrigger? TriggerAs<TTrigger>()
        where TTrigger : Attribute => Trigger as TTrigger;
}
