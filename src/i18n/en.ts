import { announceEn } from './en-announce.ts';
import { commEn } from './en-comm.ts';
import { decisionsEn } from './en-decisions.ts';
import { designEn } from './en-design.ts';
import { goodsEn } from './en-goods.ts';
import { impactEn } from './en-impact.ts';
import { mapsEn } from './en-maps.ts';
import { moneyEn } from './en-money.ts';
import { neighboursEn } from './en-neighbours.ts';
import { offersEn } from './en-offers.ts';
import { overviewEn } from './en-overview.ts';
import { partnersEn } from './en-partners.ts';
import { playbookEn } from './en-playbook.ts';
import { printEn } from './en-print.ts';
import { queueEn } from './en-queue.ts';
import { replicationEn } from './en-replication.ts';
import { requestEditEn } from './en-request-edit.ts';
import { requestsEn } from './en-requests.ts';
import { surveysEn } from './en-surveys.ts';
import { timebankEn } from './en-timebank.ts';
import { volunteeringEn } from './en-volunteering.ts';
import { workbenchEn } from './en-workbench.ts';

/**
 * English: the reference catalogue. Every visible string of every page, email and error is
 * here; `es.ts` must have the same keys (the type checker enforces it).
 * Plain words, short sentences, no giver/recipient wording (solidarity, not charity).
 */
export const en = {
  'nav.skip': 'Skip to content',
  'nav.main': 'Main',
  'nav.myNetworks': 'My networks',
  'nav.account': 'My account',
  'nav.newNetwork': 'New network',
  'nav.signIn': 'Sign in',
  'nav.signOut': 'Sign out',
  'nav.language': 'Language',
  'nav.apiDocs': 'API for developers',
  'nav.networkLabel': '{network} menu',
  'nav.overview': 'Overview',
  'nav.people': 'People',
  'nav.invitations': 'Invitations',
  'nav.settings': 'Settings',
  'nav.audit': 'Audit log',

  'role.neighbour': 'Neighbour',
  'role.volunteer': 'Volunteer',
  'role.coordinator': 'Coordinator',
  'role.admin': 'Admin',

  'status.400': 'Something in the request is not right',
  'status.401': 'Please sign in',
  'status.403': 'Not allowed',
  'status.404': 'Page not found',
  'status.409': 'That clashes with something already here',
  'status.410': 'This link no longer works',
  'status.408': 'That took too long',
  'status.413': 'Too much at once',
  'status.422': 'Please check the form',
  'status.429': 'Please wait a little',
  'status.431': 'Too much sent with the request',
  'status.500': 'Something went wrong on our side',

  'error.notFound': 'We could not find what you asked for.',
  'error.networkNotFound': 'There is no network at this address.',
  'error.signInRequired': 'You need to sign in to see this.',
  'error.forbidden': 'Your role in this network does not allow this. A coordinator can help.',
  'error.notAMember': 'You are not a member of this network.',
  'error.csrf': 'This form had expired, so nothing was saved.',
  'error.csrfHelp':
    'Go back, reload the page and send the form again. What you typed is usually still there.',
  'error.home': 'Go to the home page',
  'error.rateLimited': 'Too many tries. Please wait {minutes} minutes and try again.',
  'error.invalidCredentials': 'The email or phone and password do not match an account.',
  'error.validation': 'Some of the information is missing or not in the expected form.',
  'error.emailTaken': 'An account with this email already exists. Sign in, or reset the password.',
  'error.phoneTaken': 'An account with this phone number already exists. Sign in instead.',
  'error.slugTaken': 'This web address is already taken. Choose another.',
  'error.signupInviteOnly': 'This network takes new members by invitation only. Ask a coordinator.',
  'error.invitationInvalid':
    'This invitation has been used, withdrawn, or has expired. Ask for a new one.',
  'error.resetLinkInvalid': 'This reset link has been used or has expired. Ask for a new one.',
  'error.signupLinkInvalid':
    'This link to finish joining has been used or has expired. Join again for a new one, or sign in.',
  'error.setupLinkInvalid':
    'This setup link has been used or is out of date. Restart Mutua to get a new one.',
  'error.lastAdmin': 'A network needs at least one admin. Make someone else admin first.',
  'error.roleTooHigh': 'You cannot give a role higher than your own.',
  'error.tokenInvalid': 'The API token is not valid, or has been revoked.',
  'error.signatureInvalid': 'The signature of this request is missing or does not match.',
  'error.payloadTooLarge': 'What you sent is too large.',
  'error.badCharacters':
    'Part of what was sent holds characters that cannot be kept (such as an invisible control character). Remove them and try again.',
  'error.internal':
    'This went wrong on our side, not yours. If you were sending a form, it may not have been saved: go back, check it and send it again in a moment.',
  'error.internalForm':
    'This went wrong on our side, not yours, and it may not have been saved. What you typed is still here: please send it again in a moment.',
  'error.referenceNotFound':
    'Something this refers to is not here (it may just have been removed). Check the choices and try again.',
  'error.alreadyExists': 'This is already recorded.',
  'error.headersTooLarge':
    'Your browser sent more than we accept, usually too many or too large cookies. Clearing the cookies of this site and trying again fixes it.',
  'error.requestTimeout': 'The request took too long to arrive. Please try again.',

  'field.required': 'Please fill this in.',
  'field.tooShort': 'Please use at least {min} characters.',
  'field.tooLong': 'Please use at most {max} characters.',
  'field.emailInvalid': 'Please enter an email address like name@example.org.',
  'field.invalid': 'This is not in the expected form.',
  'field.choose': 'Please choose one of the options.',
  'field.range': 'This number is outside the allowed range.',
  'field.number': 'Please enter a number.',
  'field.unknown': 'This field is not expected here.',
  'field.badCharacters':
    'This held characters that cannot be kept (such as an invisible control character), so they were taken out. Check it and send again.',
  'field.phoneInvalid': 'Please enter a phone number, for example +1 555 010 2000.',
  'field.emailOrPhone': 'Please give an email or a phone number, so you can sign in.',
  'field.slugInvalid': 'Use 3 to 40 lower-case letters, numbers or dashes.',
  'field.polygonInvalid': 'Paste a GeoJSON polygon: a closed ring of [longitude, latitude] points.',
  'field.radiusOrPolygon': 'Give a radius or a polygon.',
  'field.areaNameTaken': 'There is already an area with this name.',
  'field.identifier': 'Email or phone number',
  'field.identifierHint': 'The one you used when you joined.',
  'field.password': 'Password',
  'field.newPassword': 'Choose a password',
  'field.passwordHint': 'At least {min} characters. A short sentence is easy to remember.',
  'field.displayName': 'Name',
  'field.displayNameHint': 'What people in the network will call you. A first name is enough.',
  'field.email': 'Email',
  'field.emailOptional': 'Email (if they have one)',
  'field.phone': 'Phone number',
  'field.phoneHint': 'With the country code if you can, for example +1 555 010 2000.',
  'field.language': 'Language',
  'field.role': 'Role',
  'field.networkName': 'Network name',
  'field.slug': 'Web address',
  'field.slugHint': 'The short name in the address, for example riverside for /n/riverside.',
  'field.defaultLanguage': 'Main language',
  'field.description': 'Description',
  'field.signupMode': 'Who can join',
  'field.areaName': 'Area name',
  'field.lat': 'Latitude of the centre',
  'field.lng': 'Longitude of the centre',
  'field.radiusM': 'Radius in metres',
  'field.radiusHint': 'From 50 to 100000. Leave empty if you paste a polygon.',
  'field.polygon': 'Polygon (GeoJSON)',
  'field.polygonHint': 'Optional. A GeoJSON polygon, if the area is not a circle.',

  'form.errorTitle': 'There is a problem',
  'form.save': 'Save',
  'form.actions': 'Actions',

  'done.saved': 'Saved.',
  'done.joined': 'Welcome! You have joined the network.',
  'done.joinedWithoutPhone':
    'Welcome! You have joined the network. Your phone number was not added: another account uses it. A coordinator can help.',
  'done.passwordChanged': 'Your password has been changed. Other devices have been signed out.',
  'done.roleChanged': 'The role has been changed.',
  'done.removed': 'The person has been removed from the network.',
  'done.added': 'The person has been added.',
  'done.revoked': 'Done: it no longer works.',
  'done.areaAdded': 'The area has been added.',
  'done.areaDeleted': 'The area has been deleted.',
  'done.created': 'The network has been created. Add its areas below.',
  'done.welcome': 'Welcome! You are now part of this network.',

  'signIn.title': 'Sign in',
  'signIn.submit': 'Sign in',
  'signIn.forgot': 'Forgot your password?',

  'join.title': 'Join {network}',
  'join.intro': 'Everyone here can ask for help and offer it. It takes a minute.',
  'join.submit': 'Join',
  'join.sent.title': 'Check your email',
  'join.sent.body':
    'We have sent a message to the address you gave. Open the link in it within 24 hours to finish joining {network}.',
  'join.sent.help':
    'Nothing came? Look in the spam folder, or join again to check the address. If you already have an account, sign in instead.',
  'join.emailNeeded': 'Give an email address: the link to finish joining is sent to it.',
  'join.confirm.title': 'Finish joining {network}',
  'join.confirm.intro':
    'Hello {name}. One step left: press the button to make your account and join.',
  'join.confirm.submit': 'Finish joining',
  'join.member.intro':
    'You are signed in as {name}. Join as a neighbour: you can ask for help and offer it.',

  'forgot.title': 'Reset your password',
  'forgot.intro':
    'Enter the email of your account. We will send you a link to choose a new password.',
  'forgot.submit': 'Send the link',
  'forgot.sent': 'If an account uses this email, a link is on its way. It works for one hour.',

  'reset.title': 'Choose a new password',
  'reset.submit': 'Save the new password',

  'home.title': 'Mutual aid networks',
  'home.intro':
    'Neighbours asking for and offering help, goods and skills, coordinated in the open.',
  'home.mine': 'Your networks',
  'home.others': 'Other networks here',
  'home.networks': 'Networks here',
  'home.empty': 'There are no networks here yet.',
  'home.yourRole': 'You are: {role}',

  'network.yourRole': 'Your role here: {role}.',
  'network.join': 'Join this network',
  'network.inviteOnly': 'This network takes new members by invitation.',
  'network.areas': 'Areas',
  'network.noAreas': 'No areas yet.',

  'newNetwork.title': 'Start a new network',
  'newNetwork.submit': 'Create the network',

  'settings.title': 'Network settings',
  'signupMode.open': 'Anyone can join',
  'signupMode.invite': 'By invitation only',
  'area.shape': 'Shape',
  'area.polygon': 'Polygon',
  'area.circle': 'Circle around {lat}, {lng}, {km} km',
  'area.delete': 'Delete {name}',
  'area.add': 'Add an area',
  'area.addSubmit': 'Add the area',

  'people.title': 'People',
  'people.add': 'Add someone who called or came by',
  'people.search': 'Name, email or phone',
  'people.allRoles': 'All roles',
  'people.filter': 'Show',
  'people.count.one': '{count} person',
  'people.count.other': '{count} people',
  'people.account': 'Account',
  'people.hasAccount': 'Signs in',
  'people.noAccount': 'No account',
  'people.pages': 'Pages',
  'people.previous': 'Previous',
  'people.next': 'Next',
  'people.pageOf': 'Page {page} of {pages}',
  'people.addTitle': 'Add a person',
  'people.addIntro':
    'For someone who reached the network by phone or in person and has no account. They do not need one.',
  'people.addSubmit': 'Add the person',
  'people.joined': 'Member since',
  'people.changeRole': 'Role',
  'people.changeRoleSubmit': 'Change the role',
  'people.remove': 'Remove from the network',
  'people.removeHelp': 'They keep their account, if they have one, but lose their role here.',
  'people.removeSubmit': 'Remove {name}',

  'invitations.title': 'Invitations',
  'invitations.new': 'Invite someone',
  'invitations.emailHint':
    'We email the link. Without an email, copy the link and send it by text.',
  'invitations.submit': 'Make the invitation',
  'invitations.created': 'Invitation made. Copy this link now: it is shown only once.',
  'invitations.list': 'Recent invitations',
  'invitations.none': 'No invitations yet.',
  'invitations.status': 'Status',
  'invitations.expires': 'Expires',
  'invitations.byLink': 'By link',
  'invitations.revoke': 'Withdraw',
  'invitations.status.pending': 'Waiting',
  'invitations.status.accepted': 'Accepted',
  'invitations.status.revoked': 'Withdrawn',
  'invitations.status.expired': 'Expired',

  'invite.title': 'Join {network}',
  'invite.intro': 'You have been invited to join as: {role}.',
  'invite.asYou': 'You will join as {name}.',
  'invite.haveAccount': 'Already have an account?',
  'invite.submit': 'Accept the invitation',

  'account.title': 'My account',
  'account.profile': 'Name and language',
  'account.sessions': 'Where you are signed in',
  'account.sessionsIntro':
    'If you see a device you do not know, or lost a phone, sign it out here.',
  'account.unknownDevice': 'Unknown device',
  'account.thisSession': 'this device',
  'account.endSession': 'Sign out this device',
  'account.tokens': 'API tokens',
  'account.tokensIntro':
    'For tools that connect to Mutua for you. Each token works in one network, with a role no higher than yours.',
  'account.tokenCreated': 'Copy your token now: it is shown only once.',
  'account.tokenName': 'What is it for?',
  'account.tokenNameHint': 'For example: spreadsheet sync.',
  'account.tokenNetwork': 'Network',
  'account.tokenRoleHint': 'The token can do what this role can do, never more than you.',
  'account.tokenExpires': 'Expires after (days)',
  'account.tokenExpiresHint': 'Optional, 1 to 365. Empty means it works until you revoke it.',
  'account.createToken': 'Create the token',
  'account.revokeToken': 'Revoke {name}',
  'account.security': 'Recent sign-ins and changes',

  'audit.title': 'Audit log',
  'audit.intro': 'Who did what, and when. Entries can never be changed or deleted.',
  'audit.filterAction': 'What happened',
  'audit.allActions': 'Everything',
  'audit.none': 'Nothing recorded yet.',
  'audit.when': 'When',
  'audit.who': 'Who',
  'audit.what': 'What',
  'audit.subject': 'About',
  'audit.system': 'Mutua',
  'audit.older': 'Older entries',
  'audit.action.auth.sign_in': 'Signed in',
  'audit.action.auth.sign_in_failed': 'Wrong password',
  'audit.action.auth.sign_out': 'Signed out',
  'audit.action.auth.sign_up': 'Joined',
  'audit.action.auth.password_reset_requested': 'Asked for a password reset',
  'audit.action.auth.password_reset': 'Changed password by reset link',
  'audit.action.session.revoked': 'Signed out a device',
  'audit.action.member.added': 'Member added',
  'audit.action.member.role_changed': 'Role changed',
  'audit.action.member.removed': 'Member removed',
  'audit.action.person.created': 'Person added without account',
  'audit.action.invitation.created': 'Invitation made',
  'audit.action.invitation.accepted': 'Invitation accepted',
  'audit.action.invitation.revoked': 'Invitation withdrawn',
  'audit.action.network.created': 'Network created',
  'audit.action.network.settings_changed': 'Settings changed',
  'audit.action.network.intake_limit_changed': 'Requests per address and hour changed',
  'audit.action.area.created': 'Area added',
  'audit.action.area.deleted': 'Area deleted',
  'audit.action.api_token.created': 'API token created',
  'audit.action.api_token.revoked': 'API token revoked',
  'audit.action.setup.completed': 'First setup completed',

  'setup.title': 'Set up Mutua',
  'setup.intro':
    'Create the first network and your account. You will be its admin and the operator of this Mutua.',
  'setup.network': 'The network',
  'setup.you': 'You',
  'setup.submit': 'Create',

  'apiDocs.title': 'Mutua API',
  'apiDocs.intro':
    'A JSON API for integrations. Create a personal token on your account page and send it as: Authorization: Bearer <token>.',
  'apiDocs.download': 'The OpenAPI 3.1 document (JSON)',
  'apiDocs.responses': 'Responses',

  'mail.reset.subject': 'Choose a new password for Mutua',
  'mail.reset.body':
    'Hello {name},\n\nSomeone (we hope you) asked to reset your Mutua password. To choose a new one, open this link within {minutes} minutes:\n\n{link}\n\nIf it was not you, you can ignore this email: your password stays the same.',
  'mail.invite.subject': 'You are invited to join {network}',
  'mail.invite.body':
    'Hello,\n\nYou are invited to join {network} on Mutua as: {role}.\n\nTo accept, open this link within 14 days:\n\n{link}\n\nIf you did not expect this, you can ignore this email.',
  'mail.joinConfirm.subject': 'Finish joining {network}',
  'mail.joinConfirm.body':
    'Hello {name},\n\nTo finish joining {network} on Mutua, open this link within 24 hours:\n\n{link}\n\nIf you did not ask to join, you can ignore this email: nothing happens without the link.',
  'mail.joinAttempt.subject': 'Someone tried to join {network} with your email',
  'mail.joinAttempt.body':
    'Hello {name},\n\nSomeone (maybe you) tried to join {network} on Mutua with this email address. You already have an account, so nothing was changed.\n\nIf it was you, sign in and join with one click:\n{signIn}\n\nForgot your password? Choose a new one here:\n{reset}\n\nIf it was not you, you can ignore this email: nobody can use your account without your password.',
  ...offersEn,
  ...goodsEn,
  ...timebankEn,
  ...moneyEn,
  ...queueEn,
  ...requestEditEn,
  ...mapsEn,
  ...designEn,
  ...surveysEn,
  ...volunteeringEn,
  ...requestsEn,
  ...commEn,
  ...printEn,
  ...announceEn,
  ...neighboursEn,
  ...overviewEn,
  ...partnersEn,
  ...workbenchEn,
  ...replicationEn,
  ...playbookEn,
  ...impactEn,
  ...decisionsEn,
} as const;

export type MessageKey = keyof typeof en;
