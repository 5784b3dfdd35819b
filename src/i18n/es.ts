import type { MessageKey } from './en.ts';
import { announceEs } from './es-announce.ts';
import { commEs } from './es-comm.ts';
import { decisionsEs } from './es-decisions.ts';
import { designEs } from './es-design.ts';
import { goodsEs } from './es-goods.ts';
import { impactEs } from './es-impact.ts';
import { mapsEs } from './es-maps.ts';
import { moneyEs } from './es-money.ts';
import { neighboursEs } from './es-neighbours.ts';
import { offersEs } from './es-offers.ts';
import { overviewEs } from './es-overview.ts';
import { partnersEs } from './es-partners.ts';
import { playbookEs } from './es-playbook.ts';
import { printEs } from './es-print.ts';
import { queueEs } from './es-queue.ts';
import { replicationEs } from './es-replication.ts';
import { requestEditEs } from './es-request-edit.ts';
import { requestsEs } from './es-requests.ts';
import { surveysEs } from './es-surveys.ts';
import { timebankEs } from './es-timebank.ts';
import { volunteeringEs } from './es-volunteering.ts';
import { workbenchEs } from './es-workbench.ts';

/** Spanish (neutral Latin American, "usted"). Same keys and {placeholders} as en.ts. */
export const es: Record<MessageKey, string> = {
  'nav.skip': 'Ir al contenido',
  'nav.main': 'Principal',
  'nav.myNetworks': 'Mis redes',
  'nav.account': 'Mi cuenta',
  'nav.newNetwork': 'Nueva red',
  'nav.signIn': 'Iniciar sesión',
  'nav.signOut': 'Cerrar sesión',
  'nav.language': 'Idioma',
  'nav.apiDocs': 'API para desarrolladores',
  'nav.networkLabel': 'Menú de {network}',
  'nav.overview': 'Resumen',
  'nav.people': 'Personas',
  'nav.invitations': 'Invitaciones',
  'nav.settings': 'Ajustes',
  'nav.audit': 'Registro de actividad',

  'role.neighbour': 'Vecino/a',
  'role.volunteer': 'Voluntario/a',
  'role.coordinator': 'Coordinador/a',
  'role.admin': 'Administrador/a',

  'status.400': 'Algo en la solicitud no está bien',
  'status.401': 'Por favor, inicie sesión',
  'status.403': 'No está permitido',
  'status.404': 'No encontramos la página',
  'status.409': 'Eso choca con algo que ya existe',
  'status.410': 'Este enlace ya no funciona',
  'status.408': 'Eso tardó demasiado',
  'status.413': 'Demasiado de una vez',
  'status.422': 'Por favor, revise el formulario',
  'status.429': 'Por favor, espere un poco',
  'status.431': 'Demasiado enviado con la solicitud',
  'status.500': 'Algo salió mal de nuestro lado',

  'error.notFound': 'No pudimos encontrar lo que buscaba.',
  'error.networkNotFound': 'No hay ninguna red en esta dirección.',
  'error.signInRequired': 'Necesita iniciar sesión para ver esto.',
  'error.forbidden': 'Su rol en esta red no permite esto. Una persona coordinadora puede ayudarle.',
  'error.notAMember': 'Usted no es miembro de esta red.',
  'error.csrf': 'Este formulario había vencido, así que no se guardó nada.',
  'error.csrfHelp':
    'Vuelva atrás, recargue la página y envíe el formulario otra vez. Lo que escribió suele seguir ahí.',
  'error.home': 'Ir a la página de inicio',
  'error.rateLimited':
    'Demasiados intentos. Por favor, espere {minutes} minutos y vuelva a intentarlo.',
  'error.invalidCredentials':
    'El correo o teléfono y la contraseña no coinciden con ninguna cuenta.',
  'error.validation': 'Falta parte de la información o no tiene la forma esperada.',
  'error.emailTaken': 'Ya existe una cuenta con este correo. Inicie sesión o cambie la contraseña.',
  'error.phoneTaken': 'Ya existe una cuenta con este número de teléfono. Mejor inicie sesión.',
  'error.slugTaken': 'Esta dirección web ya está en uso. Elija otra.',
  'error.signupInviteOnly':
    'Esta red solo acepta miembros nuevos por invitación. Pídala a una persona coordinadora.',
  'error.invitationInvalid': 'Esta invitación ya se usó, fue retirada o venció. Pida una nueva.',
  'error.resetLinkInvalid':
    'Este enlace para cambiar la contraseña ya se usó o venció. Pida uno nuevo.',
  'error.signupLinkInvalid':
    'Este enlace para terminar de unirse ya se usó o venció. Únase de nuevo para recibir otro, o inicie sesión.',
  'error.setupLinkInvalid':
    'Este enlace de configuración ya se usó o está vencido. Reinicie Mutua para obtener uno nuevo.',
  'error.lastAdmin':
    'Una red necesita al menos una persona con rol de Administrador/a. Primero dé ese rol a otra persona.',
  'error.roleTooHigh': 'No puede dar un rol más alto que el suyo.',
  'error.tokenInvalid': 'El token de la API no es válido o fue revocado.',
  'error.signatureInvalid': 'La firma de esta solicitud falta o no coincide.',
  'error.payloadTooLarge': 'Lo que envió es demasiado grande.',
  'error.badCharacters':
    'Parte de lo enviado contiene caracteres que no se pueden guardar (por ejemplo, un carácter de control invisible). Quítelos e inténtelo de nuevo.',
  'error.internal':
    'Esto falló por nuestra parte, no por la suya. Si estaba enviando un formulario, puede que no se haya guardado: vuelva atrás, revíselo y envíelo de nuevo en un momento.',
  'error.internalForm':
    'Esto falló por nuestra parte, no por la suya, y puede que no se haya guardado. Lo que escribió sigue aquí: envíelo de nuevo en un momento.',
  'error.referenceNotFound':
    'Algo a lo que esto se refiere no está aquí (puede que se acabe de quitar). Revise las opciones e inténtelo de nuevo.',
  'error.alreadyExists': 'Esto ya está registrado.',
  'error.headersTooLarge':
    'Su navegador envió más de lo que aceptamos, normalmente demasiadas cookies o muy grandes. Borrar las cookies de este sitio y volver a intentarlo lo soluciona.',
  'error.requestTimeout': 'La solicitud tardó demasiado en llegar. Inténtelo de nuevo.',

  'field.required': 'Por favor, complete este campo.',
  'field.tooShort': 'Por favor, use al menos {min} caracteres.',
  'field.tooLong': 'Por favor, use como máximo {max} caracteres.',
  'field.emailInvalid': 'Por favor, escriba un correo electrónico como nombre@ejemplo.org.',
  'field.invalid': 'Esto no tiene la forma esperada.',
  'field.choose': 'Por favor, elija una de las opciones.',
  'field.range': 'Este número está fuera del rango permitido.',
  'field.number': 'Por favor, escriba un número.',
  'field.unknown': 'Este campo no corresponde aquí.',
  'field.badCharacters':
    'Esto contenía caracteres que no se pueden guardar (por ejemplo, un carácter de control invisible), así que se quitaron. Revíselo y envíelo de nuevo.',
  'field.phoneInvalid': 'Por favor, escriba un número de teléfono, por ejemplo +1 555 010 2000.',
  'field.emailOrPhone':
    'Por favor, indique un correo o un número de teléfono, para poder iniciar sesión.',
  'field.slugInvalid': 'Use de 3 a 40 letras minúsculas, números o guiones.',
  'field.polygonInvalid':
    'Pegue un polígono GeoJSON: un anillo cerrado de puntos [longitud, latitud].',
  'field.radiusOrPolygon': 'Indique un radio o un polígono.',
  'field.areaNameTaken': 'Ya hay una zona con este nombre.',
  'field.identifier': 'Correo electrónico o número de teléfono',
  'field.identifierHint': 'El que usó cuando se unió.',
  'field.password': 'Contraseña',
  'field.newPassword': 'Elija una contraseña',
  'field.passwordHint': 'Al menos {min} caracteres. Una frase corta es fácil de recordar.',
  'field.displayName': 'Nombre',
  'field.displayNameHint': 'Cómo le llamarán las personas de la red. Basta con el nombre de pila.',
  'field.email': 'Correo electrónico',
  'field.emailOptional': 'Correo electrónico (si tiene)',
  'field.phone': 'Número de teléfono',
  'field.phoneHint': 'Con el código del país si puede, por ejemplo +1 555 010 2000.',
  'field.language': 'Idioma',
  'field.role': 'Rol',
  'field.networkName': 'Nombre de la red',
  'field.slug': 'Dirección web',
  'field.slugHint': 'El nombre corto en la dirección, por ejemplo ribera para /n/ribera.',
  'field.defaultLanguage': 'Idioma principal',
  'field.description': 'Descripción',
  'field.signupMode': 'Quién puede unirse',
  'field.areaName': 'Nombre de la zona',
  'field.lat': 'Latitud del centro',
  'field.lng': 'Longitud del centro',
  'field.radiusM': 'Radio en metros',
  'field.radiusHint': 'De 50 a 100000. Déjelo vacío si pega un polígono.',
  'field.polygon': 'Polígono (GeoJSON)',
  'field.polygonHint': 'Opcional. Un polígono GeoJSON, si la zona no es un círculo.',

  'form.errorTitle': 'Hay un problema',
  'form.save': 'Guardar',
  'form.actions': 'Acciones',

  'done.saved': 'Guardado.',
  'done.joined': '¡Bienvenido/a! Se unió a la red.',
  'done.joinedWithoutPhone':
    '¡Bienvenido/a! Se unió a la red. Su teléfono no se agregó: otra cuenta lo usa. Un/a coordinador/a puede ayudarle.',
  'done.passwordChanged':
    'Su contraseña fue cambiada. Se cerró la sesión en los otros dispositivos.',
  'done.roleChanged': 'El rol fue cambiado.',
  'done.removed': 'La persona fue quitada de la red.',
  'done.added': 'La persona fue agregada.',
  'done.revoked': 'Listo: ya no funciona.',
  'done.areaAdded': 'La zona fue agregada.',
  'done.areaDeleted': 'La zona fue borrada.',
  'done.created': 'La red fue creada. Agregue sus zonas más abajo.',
  'done.welcome': '¡Bienvenido/a! Ahora es parte de esta red.',

  'signIn.title': 'Iniciar sesión',
  'signIn.submit': 'Entrar',
  'signIn.forgot': '¿Olvidó su contraseña?',

  'join.title': 'Unirse a {network}',
  'join.intro': 'Aquí todas las personas pueden pedir ayuda y ofrecerla. Toma un minuto.',
  'join.submit': 'Unirme',
  'join.sent.title': 'Revise su correo',
  'join.sent.body':
    'Enviamos un mensaje a la dirección que indicó. Abra el enlace que contiene antes de que pasen 24 horas para terminar de unirse a {network}.',
  'join.sent.help':
    '¿No llegó nada? Revise la carpeta de correo no deseado, o únase de nuevo para comprobar la dirección. Si ya tiene una cuenta, inicie sesión.',
  'join.emailNeeded':
    'Indique un correo electrónico: le enviamos ahí el enlace para terminar de unirse.',
  'join.confirm.title': 'Terminar de unirse a {network}',
  'join.confirm.intro':
    'Hola, {name}. Falta un paso: pulse el botón para crear su cuenta y unirse.',
  'join.confirm.submit': 'Terminar',
  'join.member.intro':
    'Inició sesión como {name}. Únase como vecino/a: puede pedir ayuda y ofrecerla.',

  'forgot.title': 'Cambiar su contraseña',
  'forgot.intro':
    'Escriba el correo de su cuenta. Le enviaremos un enlace para elegir una contraseña nueva.',
  'forgot.submit': 'Enviar el enlace',
  'forgot.sent':
    'Si alguna cuenta usa este correo, el enlace ya va en camino. Funciona durante una hora.',

  'reset.title': 'Elija una contraseña nueva',
  'reset.submit': 'Guardar la contraseña nueva',

  'home.title': 'Redes de ayuda mutua',
  'home.intro':
    'Vecinos y vecinas que piden y ofrecen ayuda, cosas y saberes, organizados a la vista de todos.',
  'home.mine': 'Sus redes',
  'home.others': 'Otras redes aquí',
  'home.networks': 'Redes aquí',
  'home.empty': 'Todavía no hay redes aquí.',
  'home.yourRole': 'Usted es: {role}',

  'network.yourRole': 'Su rol aquí: {role}.',
  'network.join': 'Unirse a esta red',
  'network.inviteOnly': 'Esta red acepta miembros nuevos por invitación.',
  'network.areas': 'Zonas',
  'network.noAreas': 'Todavía no hay zonas.',

  'newNetwork.title': 'Crear una red nueva',
  'newNetwork.submit': 'Crear la red',

  'settings.title': 'Ajustes de la red',
  'signupMode.open': 'Cualquier persona puede unirse',
  'signupMode.invite': 'Solo por invitación',
  'area.shape': 'Forma',
  'area.polygon': 'Polígono',
  'area.circle': 'Círculo alrededor de {lat}, {lng}, {km} km',
  'area.delete': 'Borrar {name}',
  'area.add': 'Agregar una zona',
  'area.addSubmit': 'Agregar la zona',

  'people.title': 'Personas',
  'people.add': 'Agregar a alguien que llamó o vino en persona',
  'people.search': 'Nombre, correo o teléfono',
  'people.allRoles': 'Todos los roles',
  'people.filter': 'Mostrar',
  'people.count.one': '{count} persona',
  'people.count.other': '{count} personas',
  'people.account': 'Cuenta',
  'people.hasAccount': 'Inicia sesión',
  'people.noAccount': 'Sin cuenta',
  'people.pages': 'Páginas',
  'people.previous': 'Anterior',
  'people.next': 'Siguiente',
  'people.pageOf': 'Página {page} de {pages}',
  'people.addTitle': 'Agregar una persona',
  'people.addIntro':
    'Para alguien que llegó a la red por teléfono o en persona y no tiene cuenta. No la necesita.',
  'people.addSubmit': 'Agregar a la persona',
  'people.joined': 'Miembro desde',
  'people.changeRole': 'Rol',
  'people.changeRoleSubmit': 'Cambiar el rol',
  'people.remove': 'Quitar de la red',
  'people.removeHelp': 'Conserva su cuenta, si tiene una, pero pierde su rol aquí.',
  'people.removeSubmit': 'Quitar a {name}',

  'invitations.title': 'Invitaciones',
  'invitations.new': 'Invitar a alguien',
  'invitations.emailHint':
    'Enviamos el enlace por correo. Si no hay correo, copie el enlace y mándelo por mensaje.',
  'invitations.submit': 'Crear la invitación',
  'invitations.created': 'Invitación creada. Copie este enlace ahora: solo se muestra una vez.',
  'invitations.list': 'Invitaciones recientes',
  'invitations.none': 'Todavía no hay invitaciones.',
  'invitations.status': 'Estado',
  'invitations.expires': 'Vence',
  'invitations.byLink': 'Por enlace',
  'invitations.revoke': 'Retirar',
  'invitations.status.pending': 'En espera',
  'invitations.status.accepted': 'Aceptada',
  'invitations.status.revoked': 'Retirada',
  'invitations.status.expired': 'Vencida',

  'invite.title': 'Unirse a {network}',
  'invite.intro': 'Le invitaron a unirse como: {role}.',
  'invite.asYou': 'Se unirá como {name}.',
  'invite.haveAccount': '¿Ya tiene una cuenta?',
  'invite.submit': 'Aceptar la invitación',

  'account.title': 'Mi cuenta',
  'account.profile': 'Nombre e idioma',
  'account.sessions': 'Dónde tiene la sesión iniciada',
  'account.sessionsIntro':
    'Si ve un dispositivo que no conoce, o perdió un teléfono, cierre su sesión aquí.',
  'account.unknownDevice': 'Dispositivo desconocido',
  'account.thisSession': 'este dispositivo',
  'account.endSession': 'Cerrar la sesión en este dispositivo',
  'account.tokens': 'Tokens de la API',
  'account.tokensIntro':
    'Para herramientas que se conectan a Mutua por usted. Cada token funciona en una sola red, con un rol que no es más alto que el suyo.',
  'account.tokenCreated': 'Copie su token ahora: solo se muestra una vez.',
  'account.tokenName': '¿Para qué es?',
  'account.tokenNameHint': 'Por ejemplo: sincronizar la hoja de cálculo.',
  'account.tokenNetwork': 'Red',
  'account.tokenRoleHint': 'El token puede hacer lo que puede hacer este rol, nunca más que usted.',
  'account.tokenExpires': 'Vence después de (días)',
  'account.tokenExpiresHint':
    'Opcional, de 1 a 365. Si lo deja vacío, funciona hasta que usted lo revoque.',
  'account.createToken': 'Crear el token',
  'account.revokeToken': 'Revocar {name}',
  'account.security': 'Inicios de sesión y cambios recientes',

  'audit.title': 'Registro de actividad',
  'audit.intro': 'Quién hizo qué, y cuándo. Las entradas nunca se pueden cambiar ni borrar.',
  'audit.filterAction': 'Qué pasó',
  'audit.allActions': 'Todo',
  'audit.none': 'Todavía no hay nada registrado.',
  'audit.when': 'Cuándo',
  'audit.who': 'Quién',
  'audit.what': 'Qué',
  'audit.subject': 'Sobre',
  'audit.system': 'Mutua',
  'audit.older': 'Entradas anteriores',
  'audit.action.auth.sign_in': 'Inició sesión',
  'audit.action.auth.sign_in_failed': 'Contraseña incorrecta',
  'audit.action.auth.sign_out': 'Cerró sesión',
  'audit.action.auth.sign_up': 'Se unió',
  'audit.action.auth.password_reset_requested': 'Pidió cambiar la contraseña',
  'audit.action.auth.password_reset': 'Cambió la contraseña con un enlace',
  'audit.action.session.revoked': 'Cerró la sesión de un dispositivo',
  'audit.action.member.added': 'Miembro agregado',
  'audit.action.member.role_changed': 'Rol cambiado',
  'audit.action.member.removed': 'Miembro quitado',
  'audit.action.person.created': 'Persona agregada sin cuenta',
  'audit.action.invitation.created': 'Invitación creada',
  'audit.action.invitation.accepted': 'Invitación aceptada',
  'audit.action.invitation.revoked': 'Invitación retirada',
  'audit.action.network.created': 'Red creada',
  'audit.action.network.settings_changed': 'Ajustes cambiados',
  'audit.action.network.intake_limit_changed': 'Solicitudes por dirección y hora cambiadas',
  'audit.action.area.created': 'Zona agregada',
  'audit.action.area.deleted': 'Zona borrada',
  'audit.action.api_token.created': 'Token de la API creado',
  'audit.action.api_token.revoked': 'Token de la API revocado',
  'audit.action.setup.completed': 'Primera configuración terminada',

  'setup.title': 'Configurar Mutua',
  'setup.intro':
    'Cree la primera red y su cuenta. Usted será su administrador/a y quien opera este Mutua.',
  'setup.network': 'La red',
  'setup.you': 'Usted',
  'setup.submit': 'Crear',

  'apiDocs.title': 'API de Mutua',
  'apiDocs.intro':
    'Una API JSON para integraciones. Cree un token personal en la página de su cuenta y envíelo así: Authorization: Bearer <token>.',
  'apiDocs.download': 'El documento OpenAPI 3.1 (JSON)',
  'apiDocs.responses': 'Respuestas',

  'mail.reset.subject': 'Elija una contraseña nueva para Mutua',
  'mail.reset.body':
    'Hola, {name}:\n\nAlguien (esperamos que usted) pidió cambiar su contraseña de Mutua. Para elegir una nueva, abra este enlace antes de que pasen {minutes} minutos:\n\n{link}\n\nSi no fue usted, puede ignorar este correo: su contraseña sigue igual.',
  'mail.invite.subject': 'Le invitan a unirse a {network}',
  'mail.invite.body':
    'Hola:\n\nLe invitan a unirse a {network} en Mutua como: {role}.\n\nPara aceptar, abra este enlace antes de que pasen 14 días:\n\n{link}\n\nSi no esperaba este mensaje, puede ignorar este correo.',
  'mail.joinConfirm.subject': 'Termine de unirse a {network}',
  'mail.joinConfirm.body':
    'Hola, {name}:\n\nPara terminar de unirse a {network} en Mutua, abra este enlace antes de que pasen 24 horas:\n\n{link}\n\nSi no pidió unirse, puede ignorar este correo: sin el enlace no pasa nada.',
  'mail.joinAttempt.subject': 'Alguien intentó unirse a {network} con su correo',
  'mail.joinAttempt.body':
    'Hola, {name}:\n\nAlguien (quizás usted) intentó unirse a {network} en Mutua con esta dirección de correo. Usted ya tiene una cuenta, así que no se cambió nada.\n\nSi fue usted, inicie sesión y únase con un clic:\n{signIn}\n\n¿Olvidó su contraseña? Elija una nueva aquí:\n{reset}\n\nSi no fue usted, puede ignorar este correo: nadie puede usar su cuenta sin su contraseña.',
  ...offersEs,
  ...goodsEs,
  ...timebankEs,
  ...moneyEs,
  ...queueEs,
  ...requestEditEs,
  ...mapsEs,
  ...designEs,
  ...surveysEs,
  ...volunteeringEs,
  ...requestsEs,
  ...commEs,
  ...printEs,
  ...announceEs,
  ...neighboursEs,
  ...overviewEs,
  ...partnersEs,
  ...workbenchEs,
  ...replicationEs,
  ...playbookEs,
  ...impactEs,
  ...decisionsEs,
};
