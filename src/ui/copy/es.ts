/**
 * Every word the viewer reads in Spanish (docs/architecture.md, "Screens"): usted, the words a TV in
 * US Spanish uses, one for each thing ("proveedor de TV", "código", "iniciar sesión", "cerrar sesión",
 * "televisor", "verificar"), written for the screen rather than translated word for word. Same shape
 * as the English table, so a missing key or parameter does not compile.
 */
import { durationAmount, validityAmount } from './durations'
import type { Copy } from './en'
import { plural } from './plural'

const days = (n: number): string => plural('es', n, { one: '{n} día', other: '{n} días' })
const hours = (n: number): string => plural('es', n, { one: '{n} hora', other: '{n} horas' })
const minutes = (n: number): string => plural('es', n, { one: '{n} minuto', other: '{n} minutos' })

export const es: Copy = {
  boot: { starting: 'Iniciando sesión…', checking: 'Verificando su sesión con su proveedor de TV…' },
  profiles: {
    title: 'Elija cómo quiere ver',
    subtitle: 'Tiene sesión iniciada con más de un proveedor de TV en este televisor.',
    hint: 'Use  ◀ ▶  para moverse y  OK  para elegir',
    lastUsed: 'Usado por última vez',
    another: 'Otro proveedor',
    anotherMeta: 'Inicie sesión con un código',
  },
  activation: {
    title: 'Inicie sesión con su proveedor de TV',
    titleWith: (provider) => `Inicie sesión con ${provider}`,
    subtitle: 'Use su teléfono o computadora. Tarda alrededor de un minuto.',
    step1: 'Vaya a',
    step2: 'Escriba este código',
    scan: 'O escanee el código QR con su teléfono',
    newCode: 'Obtener código nuevo',
    waiting: 'Esperando a que termine en su otro dispositivo…',
    creating: 'Obteniendo un código nuevo…',
    expiresIn: 'El código vence en',
    expired: 'Este código venció. Obtenga uno nuevo para continuar.',
  },
  reauth: {
    title: 'Hola de nuevo',
    subtitle: (provider) => `Su sesión con ${provider} terminó. Vuelva a iniciar sesión para seguir viendo.`,
    lastUsed: 'Usado por última vez en este televisor',
    again: (provider) => `Volver a iniciar sesión con ${provider}`,
    another: 'Usar otro proveedor',
  },
  decisions: {
    watchingWith: (provider) => `Está viendo con su suscripción de ${provider}`,
    title: 'En vivo y a pedido',
    included: 'Incluido',
    notInPackage: 'Fuera de su paquete',
    parentalControls: 'Control parental',
    unavailableNow: 'No disponible ahora',
    checking: 'Verificando…',
    unknown: 'Verificar con OK',
    switchProvider: 'Cambiar de proveedor',
    signOut: 'Cerrar sesión',
    checkingAccess: (title) => `Verificando con su proveedor de TV si puede ver ${title}…`,
    signingOut: 'Cerrando su sesión en este televisor…',
    signOutFailed: 'No pudimos cerrar su sesión. La sesión sigue iniciada en este televisor. Inténtelo de nuevo en un momento.',
  },
  deny: {
    notInPackage: (title, provider) => `${title} no forma parte de su paquete de ${provider}. Comuníquese con ${provider} para agregarlo o elija otro título.`,
    parentalControls: (title, provider) =>
      `El control parental de su cuenta de ${provider} bloquea ${title}. Puede cambiarlo con ${provider} o elegir otro título.`,
    degradation: (title) => `${title} no está disponible en este momento. Inténtelo más tarde o elija otro título.`,
    providerBusy: (_title, provider) => `${provider} no respondió a tiempo. Inténtelo de nuevo en un momento.`,
    setup: (title) =>
      `No podemos verificar su acceso a ${title} por un problema de configuración en nuestro sistema. Comuníquese con soporte técnico e indique la referencia que aparece abajo.`,
    other: (title) => `No puede ver ${title} en este momento. Inténtelo más tarde o elija otro título.`,
    failed: (title) => `No pudimos verificar su acceso a ${title}. Asegúrese de que su televisor esté conectado a internet e inténtelo de nuevo.`,
    said: (who, words) => `${who} dice: “${words}”`,
    quoted: (words) => `(“${words}”)`,
  },
  player: {
    headline: 'La reproducción empezaría ahora',
    validity: (left) => `Confirmado por su proveedor de TV. Si no empieza en ${left}, vuelva a elegir el título.`,
    validityShort: 'Confirmado por su proveedor de TV. Si no empieza en un minuto, vuelva a elegir el título.',
    degraded: 'No pudimos comunicarnos con su proveedor de TV, así que por ahora tiene acceso.',
    temppass: 'Está viendo una vista previa gratuita.',
    back: 'Volver a los títulos',
  },
  signedOut: {
    title: 'Sesión cerrada',
    complete: (provider) => `Cerró su sesión de ${provider} en este televisor. Vuelva a iniciar sesión cuando quiera.`,
    interactive: (provider) =>
      `Cerró su sesión de ${provider} en este televisor. Para cerrarla también en sus otros dispositivos, visite el sitio web de ${provider}.`,
    invalid: (provider) => `Su sesión de ${provider} ya estaba cerrada en este televisor. Vuelva a iniciar sesión cuando quiera.`,
    earlier: (provider) => `Usted cerró su sesión de ${provider} en este televisor. Vuelva a iniciar sesión cuando quiera.`,
  },
  signOutDialog: {
    title: (provider) => `¿Cerrar su sesión de ${provider} en este televisor?`,
    body: 'Para volver a ver contenido, tendrá que iniciar sesión con un código en su teléfono o computadora.',
    cancel: 'Cancelar',
    confirm: 'Cerrar sesión',
  },
  exit: {
    title: (brand) => `¿Salir de ${brand}?`,
    body: 'Puede volver cuando quiera; su sesión seguirá iniciada.',
    bodySignedOut: 'Puede volver cuando quiera.',
    stay: 'Quedarse',
    exit: 'Salir',
  },
  error: {
    tryAgain: 'Intentar de nuevo',
    newCode: 'Obtener código nuevo',
    retryIn: (seconds) => `Volveremos a intentarlo en ${plural('es', Math.max(1, seconds), { one: '{n} segundo', other: '{n} segundos' })}…`,
    retrying: 'Intentándolo de nuevo…',
    reference: (parts) => `Referencia: ${parts}`,
  },
  profileValidity: (left) => `Sesión iniciada · ${left}`,
  defaultBrand: 'MYCHANNEL',
  offline: 'No hay conexión a internet. Continuaremos en cuanto se restablezca.',
  spoken: {
    button: 'botón',
    unavailable: 'no disponible',
    position: (index, count) => `${index} de ${count}`,
    dot: 'punto',
    slash: 'barra',
    colon: 'dos puntos',
    goTo: (address) => `En su teléfono o computadora, vaya a ${address} y escriba el código`,
    expiresIn: (left) => `El código vence en ${left}.`,
    newCode: 'Código nuevo',
    signedIn: (provider) => `Sesión iniciada con ${provider}.`,
    online: 'Volvió la conexión a internet.',
    dialog: 'cuadro de diálogo',
  },
  time: {
    validity: (msLeft) => {
      const a = validityAmount(msLeft)
      if (a.unit === 'lessThanTwoMinutes') return 'quedan menos de 2 minutos'
      const left = a.unit === 'day' ? days(a.n) : a.unit === 'hour' ? hours(a.n) : minutes(a.n)
      return `${a.n === 1 ? 'queda' : 'quedan'} ${left}`
    },
    duration: (msLeft) => {
      const a = durationAmount(msLeft)
      return a ? (a.unit === 'hour' ? hours(a.n) : minutes(a.n)) : null
    },
  },
  failure: {
    network: {
      title: 'No podemos conectarnos con el servicio',
      message:
        'Puede que no esté disponible por un momento o que su televisor no tenga conexión. Seguiremos intentándolo automáticamente o puede intentarlo ahora.',
    },
    offline: {
      title: 'Su televisor no tiene conexión',
      message: 'Revise la conexión a internet de su televisor. Continuaremos en cuanto se restablezca.',
    },
    timeout: { title: 'El servicio está tardando mucho', message: 'Puede que esté ocupado. Inténtelo de nuevo en un momento.' },
    throttled: { title: 'Demasiados intentos a la vez', message: 'Espere unos segundos e inténtelo de nuevo.' },
    configuration: {
      title: 'El inicio de sesión no está disponible',
      message:
        'Hay un problema con la configuración de inicio de sesión de esta aplicación. Inténtelo más tarde o comuníquese con soporte técnico e indique la referencia que aparece abajo.',
    },
    authentication: { title: 'Su sesión con el proveedor de TV terminó', message: 'Vuelva a iniciar sesión para seguir viendo.' },
    retry: {
      title: 'El servicio tuvo un problema',
      message: 'Suele ser pasajero. Volveremos a intentarlo automáticamente o puede intentarlo ahora.',
    },
    invalidInput: {
      title: 'Este código no se puede usar',
      message: 'El servicio de inicio de sesión envió un código que este televisor no puede usar. Obtenga un código nuevo para continuar.',
    },
    malformed: {
      title: 'Recibimos una respuesta inesperada',
      message: 'Suele ser pasajero. Inténtelo de nuevo en un momento.',
    },
    pollingFailed: {
      title: 'No pudimos verificar su inicio de sesión',
      message: 'Seguiremos verificando su código. Si ya terminó en su teléfono, la sesión se iniciará en cuanto logremos conectarnos con el servicio.',
    },
    generic: {
      title: 'Algo salió mal al iniciar sesión',
      message: 'Inténtelo de nuevo. Si el problema continúa, comuníquese con soporte técnico e indique la referencia que aparece abajo.',
    },
  },
}
