using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.Experiments.Entities;

namespace Ipp.Graph.Applications;

/// <summary>
/// The applications of the contract: <c>applications</c>, <c>application(key:)</c>, <c>categories</c>,
/// <c>Application.categories</c> and <c>Experiment.application</c>, answered as the caller sees them
/// (<see cref="VisibleApplications"/>): anyone may ask, and sees the catalogue's applications open to everyone and
/// those of the groups they belong to, then the container images their permissions and roles let them use; and
/// <c>storedParameters</c> (<see cref="StoredParametersList"/>).
/// </summary>
public static class ApplicationsSchema
{
    public static void Bind(SchemaBuilder schema)
    {
        schema
            .BindType<Application>("Application")
            .BindEnum<ApplicationKind>("ApplicationKind")
            .BindEnum<ApplicationRoute>("ApplicationRoute")
            .BindType<ApplicationField>("ApplicationField")
            .BindType<ApplicationChoice>("ApplicationChoice")
            .BindEnum<ApplicationFieldType>("ApplicationFieldType")
            .BindType<CategoryView>("Category")
            .Resolve("Query.applications", async context => (object?)await (await Visible(context)).AllAsync())
            .Resolve("Query.application", async context => await (await Visible(context)).FindAsync(context.GetArgument<string>("key")))
            .Resolve("Query.categories", async context => (object?)(await Visible(context)).Categories)
            .Resolve("Application.categories", async context => (object?)(await Visible(context)).CategoriesOf(context.ParentAs<Application>()))
            .Resolve("Experiment.application", async context => await (await Visible(context)).FindAsync(context.ParentAs<Experiment>().ApplicationKey));
        StoredParametersList.Bind(schema);
    }

    private static ValueTask<VisibleApplications> Visible(ResolveContext context) => VisibleApplications.ForCallerAsync(context);
}
