/** The botbuilder side of Teams: the adapter with the steps we need open, and how it authenticates. */
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { createRequire } from 'node:module';
import type { MsTeamsConfig } from '../../lib/config.ts';

// The connector's serializer keeps only the Entity fields it knows (type, text, mentioned): Teams'
// citation entity (@type, citation, …) would arrive empty. Its own Activity mapper allows extra
// entity fields; the Entity model mapper it resolves to does not, so we allow them there too.
// A mention of a Teams tag needs `type: "tag"` on its ChannelAccount, which that mapper drops too.
type Mapper = { type: { additionalProperties?: object } };
const connectorMappers = createRequire(import.meta.url)('botframework-connector/lib/connectorApi/models/mappers') as { Entity: Mapper; ChannelAccount: Mapper };
connectorMappers.Entity.type.additionalProperties ??= { type: { name: 'Object' } };
connectorMappers.ChannelAccount.type.additionalProperties ??= { type: { name: 'Object' } };

export type ServiceClientCredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

/** The adapter with its authenticate-then-run step open to us, so we answer auth failures ourselves. */
export class MsTeamsAdapter extends CloudAdapter {
  run(authHeader: string, activity: Activity, logic: (tc: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }

  /**
   * Runs the bot for an activity that was authenticated and acknowledged before: a turn of its own,
   * with the bot's credentials and the activity's conversation, as a proactive message has. Replies
   * still answer the activity (its id), in its thread.
   */
  runLater(appId: string, activity: Activity, logic: (tc: TurnContext) => Promise<void>): Promise<void> {
    return this.processProactive(this.createClaimsIdentity(appId), activity, undefined, logic);
  }
}

/** The adapter for the configured app: Microsoft's endpoints, or only the signing keys published elsewhere. */
export function createMsTeamsAdapter(config: MsTeamsConfig, credentialsFactory?: ServiceClientCredentialsFactory): MsTeamsAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.appId ?? '',
      MicrosoftAppPassword: config.appPassword ?? '',
      MicrosoftAppTenantId: config.tenantId ?? '',
      MicrosoftAppType: config.appType,
      // Overriding one endpoint makes botbuilder take all of them from here: the public cloud's, but
      // with the signing keys published elsewhere (tests, a proxy).
      ...(config.openIdMetadataUrl
        ? {
            ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${config.appType === 'MultiTenant' ? 'botframework.com' : config.tenantId}`,
            ToChannelFromBotOAuthScope: 'https://api.botframework.com',
            ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
            OAuthUrl: 'https://api.botframework.com',
            CallerId: CallerIdConstants.PublicAzureChannel,
            ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl,
            ToBotFromEmulatorOpenIdMetadataUrl: config.openIdMetadataUrl,
          }
        : {}),
    },
    credentialsFactory,
  );
  return new MsTeamsAdapter(auth);
}

/**
 * botbuilder marks most refusals with status 401, but passes on the token library's own errors
 * (a signature by another key, `alg: none`, a token not yet valid) as they are.
 */
export function isAuthenticationFailure(error: unknown): boolean {
  const e = error as { statusCode?: number; name?: string } | null;
  return e?.statusCode === 401 || ['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError'].includes(e?.name ?? '');
}
