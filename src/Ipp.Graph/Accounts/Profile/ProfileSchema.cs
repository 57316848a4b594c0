using Ipp.Graph.Engine.Binding;
using Ipp.Graph.Engine.Execution;
using Ipp.Graph.GraphQL;
using Ipp.Graph.GraphQL.Mutations;

namespace Ipp.Graph.Accounts.Profile;

/// <summary>The profile's part of the contract: <c>User.profile</c> and <c>updateProfile</c>.</summary>
public static class ProfileSchema
{
    public static void Bind(SchemaBuilder schema) =>
        schema
            .BindType<ProfileView>("Profile")
            .BindType<UpdateProfilePayload>("UpdateProfilePayload")
            .BindType<InvalidProfileError>("InvalidProfileError")
            .BindInput<ProfileInput>("ProfileInput")
            .BindInput<ProfileInput>("UpdateProfileInput")
            .Resolve("User.profile", async context => await Profiles.LoadAsync(context, context.ParentAs<UserView>().Key))
            .ResolveMutation("updateProfile", UpdateProfileAsync);

    private static async Task<UpdateProfilePayload> UpdateProfileAsync(ResolveContext context)
    {
        var caller = context.RequireCaller();
        var profile = ProfileRules.Check(context.Input<ProfileInput>());
        await context.Service<Profiles>().SetAsync(caller.UserId, profile, context.CancellationToken);
        return new UpdateProfilePayload { User = caller.User };
    }
}

/// <summary>What <c>updateProfile</c> answers (the <c>UpdateProfilePayload</c> type).</summary>
public sealed class UpdateProfilePayload : MutationPayload
{
    public UserView? User { get; init; }
}
