"""The preview origin: a project's files, served on their own loopback port.

The UI shows ``http://127.0.0.1:<preview port>/p/<secret>/<project id>/`` in an
``<iframe sandbox="allow-scripts ...">`` without ``allow-same-origin`` or
``allow-popups``, so the generated app runs with an opaque origin: it cannot read
the UI's storage, call the bridge (another port, a cookie it never gets), open a
window to carry data out in a URL, or reach the network (the CSP below allows this
origin only).  The same sandbox travels in the response's CSP (``sandbox``), so a
preview opened in its own tab is just as confined.

The secret is per project: an HMAC of the project id under a per-launch key, so a
generated app knows its own address but cannot forge another project's, and so
cannot load another project's files.  HTML pages get a small script that reports
console errors to the parent window with ``postMessage``, for "Fix this", and the element picker (``PICKER``),
inert until the UI asks it to pick.  Files
come from the storage service over the bus, never from disk.

Offline libraries (issue 15): ``/lib/<name>@<version>/<path>`` serves a file of the
pinned library cache (:mod:`shell.libraries`), exactly as the manifest lists it, and
``/lib/fonts/css2?...`` the @font-face CSS of the cached Google Fonts.  The HTML, JS
and CSS of a project are served with their CDN URLs pointed there, so an app that
loads Chart.js from jsDelivr renders with the network off; a substituted version or
a library the cache lacks is reported to the page's console and to the UI.  The
route knows no secret, reads no project file and builds no path the manifest did
not list.

CORS: a sandboxed preview has an opaque origin, so its module scripts (and its
``fetch`` of its own files) are CORS requests with ``Origin: null``.  Project files
answer such a request with ``Access-Control-Allow-Origin: null`` (never ``*``, never
with credentials): only opaque origins may read them, and only with the project's
secret address, which is the boundary.  Cached libraries are public npm files and
answer with ``*``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import mimetypes
import re
import secrets
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from vibing import log
from vibing.bus import Bus
from vibing.errors import NotFound, VibingError
from vibing.schema.storage import ReadFile
from vibing.shell.libraries.catalog import Catalog
from vibing.shell.libraries.rewrite import Rewritten, rewrite_code, rewrite_html, script_json

logger = log.get("shell.preview")

#: The script every served page gets first: it reports errors, console errors, blocked requests and libraries the
#: offline cache substituted or lacks to the UI (``postMessage``), the last two also in the page's own console.
#: ``__vibingLibraries(list)`` takes the rewrite's reports (the page's own, spliced in below, and a script file's).
#: A resource that fails to load is caught in the capture phase: a ``/lib/`` file or a CDN URL is a ``missing``
#: library (a failed import inside a module surfaces as the script's error event; the resource timing entries
#: say which ``/lib/`` file answered 404, and a failed ``import()`` names its URL in the rejection).
CAPTURE = """<script>(function(){
var send=function(kind,msg,extra){try{parent.postMessage(Object.assign({vibingPreview:1,kind:kind,message:String(msg).slice(0,2000)},extra||{}),'*')}catch(e){}};
var seen={},CDN=/^https?:\\/\\/(cdn\\.jsdelivr\\.net|fastly\\.jsdelivr\\.net|unpkg\\.com|cdnjs\\.cloudflare\\.com|esm\\.sh|esm\\.run|cdn\\.tailwindcss\\.com|fonts\\.googleapis\\.com|fonts\\.gstatic\\.com|d3js\\.org|code\\.jquery\\.com|ajax\\.googleapis\\.com)\\//i,LIB=/^\\/lib\\/((?:@[^\\/@]+\\/)?[^\\/@]+)@([^\\/]+)\\/(.+)$/,NPM=/^\\/(?:npm\\/|ajax\\/libs\\/|v\\d+\\/)?((?:@[^\\/@]+\\/)?[^\\/@]+)(?:[@\\/]([0-9][^\\/]*))?/;
var abs=function(u){try{return new URL(u,location.href)}catch(_){return null}};
var report=function(r){var a=abs(r.url||'');var k=r.kind+' '+(a?a.href:r.package+'@'+r.version);if(seen[k])return;seen[k]=1;console.warn(r.message);
var x=r.kind==='library'?{package:r.package,version:r.version,served:r.served}:{package:r.package||'',version:r.version||'',url:r.url||''};send(r.kind,r.message,x)};
window.__vibingLibraries=function(list){try{list.forEach(report)}catch(_){}};
var failed=function(u){var a=abs(u);if(!a)return;var m;
if(a.host===location.host&&(m=LIB.exec(a.pathname))){var f=decodeURIComponent(m[3]);report({kind:'missing',package:m[1],version:m[2],url:a.href,message:'Vibing: '+m[1]+'@'+m[2]+' in the offline library has no '+f+'; it needs the network ('+a.pathname+').'})}
else if(CDN.test(a.href)){m=NPM.exec(a.pathname)||[];report({kind:'missing',package:m[1]||a.host,version:m[2]||'',url:a.href,message:'Vibing: '+a.href+' did not load: it is not in the offline library and needs the network.'})}};
var status=function(u){var s=-1;try{performance.getEntriesByName(u).forEach(function(e){s=e.responseStatus||0})}catch(_){}return s};
var scan=function(){try{performance.getEntriesByType('resource').forEach(function(e){if(e.responseStatus>=400)failed(e.name)})}catch(_){}};
window.addEventListener('error',function(e){var t=e.target;if(!t||t===window||!t.tagName)return;scan();var u=t.src||t.href||'',a=u&&abs(u);var s=a?status(a.href):0;if(u&&!(s>=200&&s<400))failed(u)},true);
window.addEventListener('error',function(e){send('error',e.message||'Error',{source:(e.filename||'').split('?')[0].split('/').slice(6).join('/')||'index.html',line:e.lineno||0,col:e.colno||0})});
window.addEventListener('unhandledrejection',function(e){var r=e.reason,t=r&&r.message?r.message:String(r),u=/(https?:\\/\\/\\S+)/.exec(t);scan();if(u)failed(u[1]);send('error','Unhandled promise rejection: '+t)});
var ce=console.error;console.error=function(){try{send('console',Array.prototype.map.call(arguments,function(a){try{return typeof a==='string'?a:(a&&a.message)||JSON.stringify(a)}catch(_){return String(a)}}).join(' '))}catch(_){}return ce.apply(console,arguments)};
document.addEventListener('securitypolicyviolation',function(e){send('blocked','Blocked by the preview sandbox: '+e.blockedURI+' ('+e.violatedDirective+')',{blockedURI:e.blockedURI})});
window.addEventListener('load',function(){send('loaded','')});
})();</script>"""

#: The element picker (issue 20, U9), inert until the UI asks: ``{vibingPick: 1, type: "start", id}`` from the parent
#: window arms it (it answers ``armed``); while armed, the element under the pointer is outlined with a label (tag,
#: classes, size) drawn in a shadow root (the page's CSS cannot restyle it), a click is kept from the page and answered with ``picked`` (selector, tag, text, file, html:
#: each cut to size), Escape with ``cancel``; ``stop`` disarms it.  It knows nothing of the UI but ``parent``, and
#: the UI trusts none of it (``shell/ui/picker.js`` checks every message): a hostile page may forge any of these.
#: The selector rule is ``vibing/cli/elements.py``'s ``stable_selector``: ``#id`` when unique, else an nth-of-type
#: path up to ``body`` or the nearest ancestor with a unique id.
PICKER = """<script>(function(){
var P=window.parent;if(!P||P===window)return;
var on=null,cur=null,host=null,box=null,label=null,ID=/^[A-Za-z_][\\w-]*$/;
var send=function(m){m.vibingPick=1;try{P.postMessage(m,'*')}catch(_){}};
var uid=function(el){var i=el.id;if(!i||!ID.test(i))return '';try{return document.querySelectorAll('#'+i).length===1?i:''}catch(_){return ''}};
var selector=function(el){var u=uid(el),parts=[];if(u)return '#'+u;
for(var c=el;c&&c.nodeType===1&&c!==document.documentElement;c=c.parentElement){var t=c.tagName.toLowerCase();
if(c!==el&&(u=uid(c))){parts.push('#'+u);break}if(t==='body'){parts.push('body');break}
var n=1,k=0,s=c.parentElement?c.parentElement.children:[c];for(var j=0;j<s.length;j++){if(s[j].tagName===c.tagName){k++;if(s[j]===c)n=k}}
parts.push(k>1?t+':nth-of-type('+n+')':t)}return parts.reverse().join(' > ')};
var cut=function(v,n){v=String(v||'');return v.length>n?v.slice(0,n-1)+'\u2026':v};
var file=function(){try{return decodeURIComponent(location.pathname.split('/').slice(4).join('/'))||'index.html'}catch(_){return ''}};
var show=function(el){cur=el;var r=el.getBoundingClientRect(),cl=el.classList?[].slice.call(el.classList,0,3):[];
box.style.cssText='position:fixed;box-sizing:border-box;border:2px solid #5b5bd6;background:rgba(91,91,214,.12);border-radius:2px;left:'+r.left+'px;top:'+r.top+'px;width:'+r.width+'px;height:'+r.height+'px';
label.textContent=el.tagName.toLowerCase()+(cl.length?'.'+cl.join('.'):'')+'  '+Math.round(r.width)+'\u00d7'+Math.round(r.height);
label.style.cssText='position:fixed;left:'+Math.max(0,r.left)+'px;top:'+(r.top>24?r.top-22:r.bottom+2)+'px;font:12px/18px system-ui,sans-serif;background:#5b5bd6;color:#fff;padding:0 6px;border-radius:3px;white-space:nowrap;max-width:90vw;overflow:hidden;text-overflow:ellipsis'};
var at=function(t){return t===document.documentElement&&document.body?document.body:t};
var move=function(e){var t=at(e.target);if(on&&t&&t.nodeType===1&&t!==host&&t!==cur)show(t)};
var block=function(e){if(!on)return;e.preventDefault();e.stopImmediatePropagation()};
var click=function(e){if(!on)return;block(e);var el=at(e.target);if(!el||el.nodeType!==1||el===host)return;var id=on;stop();
send({type:'picked',id:id,element:{selector:cut(selector(el),500),tag:el.tagName.toLowerCase().slice(0,40),text:cut((el.innerText||el.textContent||'').replace(/\\s+/g,' ').trim(),200),file:cut(file(),300),html:cut(el.outerHTML,2000)}})};
var key=function(e){if(on&&e.key==='Escape'){block(e);var id=on;stop();send({type:'cancel',id:id})}};
var scroll=function(){if(on&&cur)show(cur)};
var KEEP=['pointerdown','pointerup','mousedown','mouseup','dblclick','contextmenu','touchstart','touchend','auxclick'];
var start=function(id){if(on){on=id;return}on=id;host=document.createElement('vibing-picker');
host.style.cssText='all:initial;position:fixed;inset:0;pointer-events:none;z-index:2147483647';
var root=host.attachShadow({mode:'open'});box=document.createElement('div');label=document.createElement('div');root.appendChild(box);root.appendChild(label);
(document.documentElement||document.body).appendChild(host);
window.addEventListener('pointermove',move,true);window.addEventListener('click',click,true);window.addEventListener('keydown',key,true);window.addEventListener('scroll',scroll,true);
KEEP.forEach(function(n){window.addEventListener(n,block,true)})};
var stop=function(){on=null;cur=null;if(host&&host.parentNode)host.parentNode.removeChild(host);host=null;
window.removeEventListener('pointermove',move,true);window.removeEventListener('click',click,true);window.removeEventListener('keydown',key,true);window.removeEventListener('scroll',scroll,true);
KEEP.forEach(function(n){window.removeEventListener(n,block,true)})};
window.addEventListener('message',function(e){var d=e.data;if(e.source!==P||!d||d.vibingPick!==1)return;
if(d.type==='start'&&typeof d.id==='string'){start(d.id.slice(0,64));send({type:'armed',id:on})}else if(d.type==='stop')stop()},true);
})();</script>"""

#: "Show the preview" (issue 20, U10): a screenshot of what the preview shows, taken inside the preview's own origin
#: (the UI cannot read a cross-origin frame's pixels, and no screenshot API reaches into one). Inert until the UI
#: asks: ``{vibingShot: 1, type: "capture", id}`` from the parent window is answered with ``{vibingShot: 1, type:
#: "shot", id, png: <base64>, width, height}`` (at most 1568 px on the long edge) or ``{..., type: "failed", id,
#: reason}``; a request that comes while one is being drawn is answered after it.  How: the browser's own means, no
#: library and no CDN.  The document is cloned with each element's computed style written inline (so no stylesheet
#: is needed): the ~140 properties that draw a page (``PROPS``; reading all ~400 of 2,000 elements took 4 s), and of
#: those only what differs from the tag's default (measured in a shadow root the page's CSS cannot reach) or from its
#: parent, so the SVG stays small; ::before and ::after as spans of their text; canvases as their pixels; images and
#: CSS background images as ``data:`` addresses fetched from the page's own origin (an SVG image loads nothing
#: itself); inputs with their values.  The clone goes into an SVG ``foreignObject``, which the browser rasterises
#: into a canvas, cut to the visible viewport, and encoded as PNG.  Left out: web fonts (the system's stand in),
#: frames, video, properties outside ``PROPS`` (animations, masks, scroll snapping), pseudo-elements' counters,
#: attr() and images.  A library (html2canvas, html-to-image) does the same in far more script, injected into every
#: page; this is a few dozen lines the page runs only when asked.  As with the picker, the UI trusts none of it
#: (``shell/ui/shot.js`` checks the message and decodes the PNG itself).
SHOT = """<script>(function(){
var P=window.parent;if(!P||P===window)return;
var MAX=1568,JOBS=200,busy=false,next=null,SKIP={script:1,noscript:1,template:1,link:1,style:1,meta:1,title:1,base:1,'vibing-picker':1};
var send=function(m){m.vibingShot=1;try{P.postMessage(m,'*')}catch(_){}};
var asData=function(b){return new Promise(function(ok,no){var r=new FileReader();r.onload=function(){ok(r.result)};r.onerror=no;r.readAsDataURL(b)})};
var fetched={},load=function(u){if(!fetched[u])fetched[u]=fetch(u).then(function(r){if(!r.ok)throw 0;return r.blob()}).then(asData).catch(function(){return ''});return fetched[u]};
var PROPS='display position top right bottom left float clear z-index box-sizing width height min-width min-height max-width max-height aspect-ratio margin-top margin-right margin-bottom margin-left padding-top padding-right padding-bottom padding-left border-top-width border-right-width border-bottom-width border-left-width border-top-style border-right-style border-bottom-style border-left-style border-top-color border-right-color border-bottom-color border-left-color border-top-left-radius border-top-right-radius border-bottom-right-radius border-bottom-left-radius outline-width outline-style outline-color outline-offset background-color background-image background-size background-position background-repeat background-clip background-origin color opacity visibility overflow-x overflow-y clip-path filter backdrop-filter mix-blend-mode transform transform-origin box-shadow text-shadow font-family font-size font-weight font-style font-variant font-stretch line-height letter-spacing word-spacing text-align text-decoration-line text-decoration-color text-decoration-style text-transform text-indent text-overflow white-space word-break overflow-wrap vertical-align direction writing-mode list-style-type list-style-position list-style-image flex-direction flex-wrap flex-grow flex-shrink flex-basis order justify-content align-items align-content align-self justify-items justify-self row-gap column-gap grid-template-columns grid-template-rows grid-template-areas grid-auto-flow grid-auto-columns grid-auto-rows grid-column-start grid-column-end grid-row-start grid-row-end object-fit object-position table-layout border-collapse border-spacing caption-side fill stroke stroke-width stroke-linecap stroke-linejoin stroke-dasharray fill-opacity stroke-opacity -webkit-text-fill-color -webkit-background-clip -webkit-line-clamp -webkit-box-orient column-count column-width isolation appearance accent-color image-rendering tab-size hyphens'.split(' ');
var probe=null,shade=null,defaults={};
var base=function(el){var ns=el.namespaceURI||'',t=el.localName,k=ns+' '+t;if(defaults[k])return defaults[k];
if(!probe){probe=document.createElement('vibing-shot-probe');probe.style.cssText='all:initial;position:fixed;left:-10000px;top:0';shade=probe.attachShadow({mode:'open'});(document.body||document.documentElement).appendChild(probe)}
var e=ns?document.createElementNS(ns,t):document.createElement(t),o={};shade.appendChild(e);
var cs=getComputedStyle(e);for(var i=0;i<PROPS.length;i++)o[PROPS[i]]=cs.getPropertyValue(PROPS[i]);e.remove();defaults[k]=o;return o};
var style=function(src,dst,jobs,up){var cs=getComputedStyle(src),def=base(src),vals={},s='';
for(var i=0;i<PROPS.length;i++){var n=PROPS[i],v=cs.getPropertyValue(n);vals[n]=v;if(v!==def[n]||(up&&v!==up[n]))s+=n+':'+v+';'}
var bg=cs.getPropertyValue('background-image'),urls=bg.indexOf('url(')<0?[]:bg.match(/url\\("([^"]+)"\\)/g)||[];
if(urls.length&&jobs.length<JOBS){jobs.push(Promise.all(urls.map(function(m){return load(m.slice(5,-2))})).then(function(d){var v=bg;urls.forEach(function(m,i){v=v.split(m).join(d[i]?'url("'+d[i]+'")':'none')});dst.style.setProperty('background-image',v)}))}
dst.setAttribute('style',s);return vals};
var copy=function(src,jobs,up){if(src.nodeType===3)return document.createTextNode(src.nodeValue);if(src.nodeType!==1||src===probe)return null;
var t=src.tagName.toLowerCase(),dst;if(SKIP[t])return null;
if(t==='canvas'){dst=document.createElement('img');try{dst.setAttribute('src',src.toDataURL())}catch(_){}}
else if(t==='iframe'||t==='video'||t==='object'||t==='embed'||t==='audio')dst=document.createElement('div');
else dst=src.cloneNode(false);
var vals=style(src,dst,jobs,up);
if(t==='img'){dst.removeAttribute('srcset');dst.removeAttribute('loading');var u=src.currentSrc||src.src;if(u&&u.slice(0,5)!=='data:'&&jobs.length<JOBS)jobs.push(load(u).then(function(d){if(d)dst.setAttribute('src',d);else dst.removeAttribute('src')}))}
if(t==='input'){if(src.type==='checkbox'||src.type==='radio'){if(src.checked)dst.setAttribute('checked','')}else dst.setAttribute('value',src.value)}
if(t==='textarea'){dst.textContent=src.value;return dst}
var pseudo=function(which){var p=getComputedStyle(src,which),c=p.getPropertyValue('content'),text;if(!c||c==='none'||c==='normal')return null;
try{text=JSON.parse(c)}catch(_){text=''}var sp=document.createElement('span'),def=base(sp),st='';for(var i=0;i<PROPS.length;i++){var n=PROPS[i],v=p.getPropertyValue(n);if(v!==def[n]||v!==vals[n])st+=n+':'+v+';'}
sp.setAttribute('style',st);sp.textContent=typeof text==='string'?text:'';return sp};
var before=pseudo('::before');if(before)dst.appendChild(before);
for(var c=src.firstChild;c;c=c.nextSibling){var k=copy(c,jobs,vals);if(k)dst.appendChild(k)}
var after=pseudo('::after');if(after)dst.appendChild(after);
if(t==='select'&&dst.options&&src.selectedIndex>=0&&dst.options[src.selectedIndex])dst.options[src.selectedIndex].setAttribute('selected','');
return dst};
var capture=function(id){if(busy){next=id;return}busy=true;
var de=document.documentElement,W=de.clientWidth||innerWidth,H=de.clientHeight||innerHeight,jobs=[];
Promise.resolve().then(function(){var root=copy(de,jobs,null),wrap=document.createElement('div'),inner=document.createElement('div');if(probe){probe.remove();probe=null}
var clear=function(c){return !c||c==='transparent'||/rgba\\(.*,\\s*0\\)$/.test(c)},bg=getComputedStyle(de).backgroundColor;if(clear(bg)&&document.body)bg=getComputedStyle(document.body).backgroundColor;
wrap.setAttribute('style','width:'+W+'px;height:'+H+'px;overflow:hidden;position:relative;background:'+(clear(bg)?'#fff':bg));
inner.setAttribute('style','position:absolute;left:'+(-scrollX)+'px;top:'+(-scrollY)+'px;width:'+W+'px');
inner.appendChild(root);wrap.appendChild(inner);
return Promise.all(jobs).then(function(){return wrap})}).then(function(wrap){
var svg='<svg xmlns="http://www.w3.org/2000/svg" width="'+W+'" height="'+H+'"><foreignObject x="0" y="0" width="100%" height="100%">'+new XMLSerializer().serializeToString(wrap)+'</foreignObject></svg>';
return new Promise(function(ok,no){var im=new Image();im.onload=function(){ok(im)};im.onerror=function(){no(new Error('the browser could not draw the page'))};im.src='data:image/svg+xml;charset=utf-8,'+encodeURIComponent(svg)})
}).then(function(im){var s=Math.min(1,MAX/Math.max(W,H)),w=Math.max(1,Math.round(W*s)),h=Math.max(1,Math.round(H*s)),c=document.createElement('canvas');c.width=w;c.height=h;
c.getContext('2d').drawImage(im,0,0,w,h);
return new Promise(function(ok){c.toBlob(ok,'image/png')}).then(asData).then(function(u){send({type:'shot',id:id,png:u.slice(u.indexOf(',')+1),width:w,height:h})})
}).catch(function(e){send({type:'failed',id:id,reason:String(e&&e.message||e).slice(0,200)})}).then(function(){busy=false;if(next){var n=next;next=null;capture(n)}})};
window.addEventListener('message',function(e){var d=e.data;if(e.source!==P||!d||d.vibingShot!==1||d.type!=='capture'||typeof d.id!=='string')return;capture(d.id.slice(0,64))},true);
})();</script>"""

#: Content types by extension (nosniff: a module script, a stylesheet or a font must carry its exact type).
MIME = {
    "html": "text/html",
    "htm": "text/html",
    "js": "text/javascript",
    "mjs": "text/javascript",
    "cjs": "text/javascript",
    "css": "text/css",
    "json": "application/json",
    "map": "application/json",
    "txt": "text/plain",
    "md": "text/markdown",
    "xml": "application/xml",
    "svg": "image/svg+xml",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "avif": "image/avif",
    "ico": "image/x-icon",
    "woff2": "font/woff2",
    "woff": "font/woff",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "eot": "application/vnd.ms-fontobject",
    "wasm": "application/wasm",
    "mp3": "audio/mpeg",
    "ogg": "audio/ogg",
    "wav": "audio/wav",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "glb": "model/gltf-binary",
    "gltf": "model/gltf+json",
}
_TEXT = ("text/", "application/json", "application/xml", "image/svg+xml")
#: A cached file never changes under its address (the version is in it).
IMMUTABLE = "public, max-age=31536000, immutable"


def content_type(path: str) -> str:
    ctype = MIME.get(path.rsplit(".", 1)[-1].lower()) if "." in path else None
    ctype = ctype or mimetypes.guess_type(path)[0] or "text/plain"
    return ctype + "; charset=utf-8" if ctype.startswith(_TEXT) else ctype


#: What a preview may do, in the iframe's ``sandbox`` attribute and in its CSP alike:
#: scripts, forms and alert/confirm; never the UI's origin, popups or top navigation.
SANDBOX = "allow-scripts allow-forms allow-modals"

_HEAD = re.compile(rb"<head[^>]*>", re.IGNORECASE)
_HTML = re.compile(rb"<html[^>]*>", re.IGNORECASE)


def inject(html: bytes, reports: list[dict[str, Any]] | None = None) -> bytes:
    """The page with the capture script first in its head (and the rewrite's reports, posted at once)."""
    script = (CAPTURE + PICKER + SHOT).encode()
    if reports:
        script += f"<script>__vibingLibraries({script_json(reports)})</script>".encode()
    for pattern in (_HEAD, _HTML):
        match = pattern.search(html)
        if match:
            return html[: match.end()] + script + html[match.end() :]
    return script + html


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        bus: Bus,
        port: int = 0,
        *,
        ui_origin: str = "",
        allow_network: bool = False,
        call: Callable[..., Any] | None = None,
        libraries: Catalog | None = None,
    ) -> None:
        self.bus = bus
        #: The offline library (its manifest is read on first use; ``VIBING_LIBRARY_CACHE`` names another folder).
        self.libraries = libraries if libraries is not None else Catalog()
        #: Runs a bus request (the bridge's pool keeps the request sockets few); None: on this thread.
        self.call = call or (lambda func, *args: func(*args))
        #: Per-launch key from which every project's secret is derived.
        self._key = secrets.token_bytes(32)
        self.ui_origin = ui_origin
        #: Every project may use the network (Settings); otherwise only the projects in :attr:`network_projects`.
        self.allow_network = allow_network
        #: Projects the person allowed to use the network ("Allow network for this project").
        self.network_projects: set[str] = set()
        super().__init__(("127.0.0.1", port), PreviewHandler)
        self.port = self.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.allowed_hosts = {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    def project_secret(self, project_id: str) -> str:
        """The secret in a project's preview addresses: HMAC-SHA256(launch key, project id), 128 bits."""
        digest = hmac.new(self._key, project_id.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")

    def base_url(self, project_id: str) -> str:
        return f"{self.origin}/p/{self.project_secret(project_id)}/{quote(project_id, safe='')}/"

    def network_allowed(self, project_id: str) -> bool:
        return self.allow_network or project_id in self.network_projects

    def csp(self, project_id: str = "") -> str:
        """The preview's policy: this origin only, plus ``https:`` for a project allowed to use the network."""
        src = self.origin
        net = " https:" if self.network_allowed(project_id) else ""
        ancestors = self.ui_origin or "'none'"
        return (
            f"default-src {src}{net}; script-src {src} 'unsafe-inline' 'unsafe-eval'{net}; "
            f"style-src {src} 'unsafe-inline'{net}; img-src {src} data: blob:{net}; font-src {src} data:{net}; "
            f"media-src {src} data: blob:; connect-src {src}{net}; worker-src {src} blob:; "
            f"form-action 'none'; base-uri {src}; frame-ancestors {ancestors}; sandbox {SANDBOX}"
        )

    def start(self) -> PreviewServer:
        threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.2}, name="preview-server", daemon=True
        ).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "Vibing-Preview"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(
        self,
        status: int,
        body: bytes,
        ctype: str,
        project_id: str = "",
        *,
        cache: str = "no-store",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", self.server.csp(project_id))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        if self.headers.get("Host", "") not in self.server.allowed_hosts:
            return self._send(HTTPStatus.FORBIDDEN, b"wrong host", "text/plain")
        url = urlsplit(self.path)
        if url.path.startswith("/lib/"):
            return self._library(url.path[len("/lib/") :], url.query)
        parts = url.path.split("/", 4)
        # ["", "p", secret, project_id, path]
        if len(parts) < 4 or parts[1] != "p":
            return self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
        project_id = unquote(parts[3])
        expected = self.server.project_secret(project_id)
        if not hmac.compare_digest(parts[2].encode("utf-8", "surrogatepass"), expected.encode()):
            return self._send(HTTPStatus.NOT_FOUND, b"not found", "text/plain")
        path = unquote(parts[4]) if len(parts) > 4 else ""
        if path == "" or path.endswith("/"):
            path += "index.html"
        # A module script or fetch() of the preview's own files comes from its opaque origin ("null").
        cors = {"Access-Control-Allow-Origin": "null", "Vary": "Origin"} if self.headers.get("Origin") == "null" else {}
        try:
            request = ReadFile(project_id=project_id, path=path)
            reply = self.server.call(lambda: self.server.bus.request("storage", request, timeout=5))
        except NotFound:
            body = (
                f"<!doctype html><meta charset=utf-8><body style='font:14px system-ui;color:#667;padding:2em'>"
                f"<p>No <code>{_escape(path)}</code> in this project yet.</p>"
            ).encode()
            return self._send(HTTPStatus.NOT_FOUND, inject(body), "text/html; charset=utf-8", project_id, headers=cors)
        except VibingError as exc:
            return self._send(HTTPStatus.SERVICE_UNAVAILABLE, exc.message.encode(), "text/plain; charset=utf-8")
        text = reply.file.content
        ctype = content_type(path)
        kind = ctype.split(";")[0]
        if kind == "text/html":
            page = rewrite_html(text, self.server.libraries)
            content = inject(page.text.encode(), page.reports())
            self._log_libraries(project_id, path, page)
        elif kind in ("text/javascript", "text/css"):
            code = rewrite_code(text, self.server.libraries)
            self._log_libraries(project_id, path, code)
            reports = code.reports()
            if reports and kind == "text/javascript":
                # said by the script itself (a CSS file cannot; its misses show as load errors or blocked requests)
                code.text += f"\n;typeof __vibingLibraries==='function'&&__vibingLibraries({script_json(reports)});\n"
            content = code.text.encode()
        else:
            content = text.encode()
        self._send(HTTPStatus.OK, content, ctype, project_id, headers=cors)

    do_HEAD = do_GET

    def _log_libraries(self, project_id: str, path: str, result: Rewritten) -> None:
        if result.substituted or result.missing:
            logger.info(
                "preview.libraries",
                project=project_id,
                path=path,
                rewritten=result.count,
                substituted=[f"{r.package}@{r.requested}->{r.version}" for r in result.substituted],
                missing=[f"{r.package}@{r.requested}" if r.requested else r.package for r in result.missing],
            )

    def _library(self, raw: str, query: str) -> None:
        """``/lib/<name>@<version>/<path>``: a file the manifest lists, exactly; ``/lib/fonts/<css|css2|icon>``."""
        public = {"Access-Control-Allow-Origin": "*"}
        if raw in ("fonts/css", "fonts/css2", "fonts/icon"):
            css = self.server.libraries.font_css(raw[len("fonts/") :], query).encode()
            # generated from the manifest, which a newer Vibing may change under the same address
            return self._send(HTTPStatus.OK, css, "text/css; charset=utf-8", cache="no-cache", headers=public)
        found = _library_path(raw)
        file = self.server.libraries.cached_file(*found) if found else None
        data = self.server.libraries.read(file) if file else None
        if data is None:
            return self._send(HTTPStatus.NOT_FOUND, b"not in the offline library", "text/plain", headers=public)
        self._send(HTTPStatus.OK, data, content_type(file.path), cache=IMMUTABLE, headers=public)


_LIBRARY = re.compile(r"^((?:@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*)@([0-9A-Za-z][0-9A-Za-z.+_-]*)/(.+)$")


def _library_path(raw: str) -> tuple[str, str, str] | None:
    """(package, version, path) of a ``/lib/`` address, or None for anything that is not plainly one.

    Decoded once; what still holds a ``%`` (double encoding), a backslash, a NUL, an empty, ``.`` or ``..`` segment
    or a leading slash is refused before the manifest is even asked.
    """
    try:
        path = unquote(raw, errors="strict")
    except UnicodeDecodeError:
        return None
    if any(c in path for c in "%\\\x00") or path.startswith("/"):
        return None
    if any(part in ("", ".", "..") for part in path.split("/")):
        return None
    match = _LIBRARY.match(path)
    return (match[1], match[2], match[3]) if match else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
