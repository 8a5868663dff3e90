// The audience's beacon (lib/audience/beacons.ts): no cookie, no storage, nothing but this site.
// On each page seen — the first, and each one the app navigates to (history.pushState, which
// Next's router calls through, and popstate) — it sends the path, where the reader came from
// (the referrer, then the previous page of the site) and the utm_source / utm_campaign of the
// address, which it removes from the address bar; once the end of a piece's text comes into view
// (the element `data-fin-du-texte` naming the piece's path), a second beacon. Nothing is sent by a
// browser that asks not to be followed (Global Privacy Control, Do Not Track), nor before a page
// prerendered by the browser is shown. Without JavaScript nothing is counted.
// Kept plain and small (BENCHMARKS.md: its weight, gzip'd), inline as the theme's script is.
export const AUDIENCE_SCRIPT = `(function(){var n=navigator,d=document,h=history,l=location;
if(n.globalPrivacyControl||n.doNotTrack==='1'||!n.sendBeacon)return;
var q=new URLSearchParams(l.search),u={s:q.get('utm_source'),c:q.get('utm_campaign')},r=d.referrer,last=null,turn=0,cut=false;
Array.from(q.keys()).forEach(function(k){if(k.indexOf('utm_')===0){q.delete(k);cut=true}});
if(cut){var s=q.toString();h.replaceState(h.state,'',l.pathname+(s?'?'+s:'')+l.hash)}
function send(k,p){n.sendBeacon('/api/views',JSON.stringify({kind:k,path:p,referrer:r.slice(0,1000),utmSource:u.s||undefined,utmCampaign:u.c||undefined}))}
function view(){var p=l.pathname;if(p===last)return;
if(last!==null){r=l.origin+last;u={}}last=p;var mine=++turn,tries=0;
if(/^\\/(redaction|compte|connexion)(\\/|$)/.test(p))return;send('view',p);
(function watch(){if(mine!==turn)return;var e=Array.prototype.find.call(d.querySelectorAll('[data-fin-du-texte]'),function(x){return x.getAttribute('data-fin-du-texte')===p});
if(!e){if(++tries<20)setTimeout(watch,250);return}
var o=new IntersectionObserver(function(es){if(mine!==turn)return o.disconnect();if(es.some(function(x){return x.isIntersecting})){o.disconnect();send('read',p)}});o.observe(e)})()}
var push=h.pushState;h.pushState=function(){push.apply(h,arguments);view()};addEventListener('popstate',view);
if(d.prerendering)d.addEventListener('prerenderingchange',view,{once:true});else view()})()`;

/** The inline script of the audience's beacon, at the end of every page's body. */
export function AudienceScript() {
  return <script dangerouslySetInnerHTML={{ __html: AUDIENCE_SCRIPT }} />;
}
