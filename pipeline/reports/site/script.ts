/**
 * The one inline script of every report page (no library, nothing fetched, works from file://):
 * - tables.dt sort by a header click, filter by a text box and page 100 rows at a time;
 * - the state is in the URL hash (`#t=<table>&q=<text>&s=<column>&d=asc|desc&p=<page>`), so a view can be
 *   linked to and a headless browser can be driven by URL;
 * - `#src-<start>-<end>` highlights that span of the source text; `#<id>` of a row opens its page;
 * - due dates ([data-due]) are marked overdue / due soon (30 days) / later relative to the as-of date
 *   (the run's --as-of, else today), and [data-dues] cells count the dates due in the next 90 days.
 */
export const SCRIPT = `(function(){
var PAGE=100,DAY=864e5;
var asOf=document.body.dataset.asOf||new Date().toISOString().slice(0,10);
var t0=Date.parse(asOf);
document.getElementById('as-of').textContent='as of '+asOf;
document.querySelectorAll('[data-due]').forEach(function(e){var d=(Date.parse(e.dataset.due)-t0)/DAY;
  var s=d<0?'overdue':d<=30?'soon':'later';e.classList.add(s);e.title=s==='overdue'?'已逾期 overdue':s==='soon'?'30天内到期 due soon':'later';
  var st=e.closest('tr')&&e.closest('tr').querySelector('.status');if(st)st.textContent=s;});
document.querySelectorAll('[data-dues]').forEach(function(e){var n=0;e.dataset.dues.split(' ').forEach(function(x){var d=(Date.parse(x)-t0)/DAY;if(d>=0&&d<=90)n++;});e.textContent=n;});
var tables={};
function num(s){var v=parseFloat(s);return isNaN(v)?-Infinity:v;}
document.querySelectorAll('table.dt').forEach(function(t){
  var rows=Array.prototype.slice.call(t.tBodies[0].rows),st={q:'',s:-1,d:'asc',p:0,rows:rows,shown:rows};
  tables[t.id]=st;
  var tools=document.createElement('div');tools.className='tools';
  tools.innerHTML='<input type="search" placeholder="筛选 filter"> <span class="count"></span> <span class="pager"><button data-p="-1">‹ prev</button><span class="pos"></span><button data-p="1">next ›</button></span>';
  t.parentNode.insertBefore(tools,t);st.tools=tools;st.t=t;
  var input=tools.querySelector('input');
  input.addEventListener('input',function(){st.q=input.value;st.p=0;apply(st);});
  tools.querySelectorAll('button').forEach(function(b){b.addEventListener('click',function(){st.p+=+b.dataset.p;apply(st);});});
  Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){th.addEventListener('click',function(){
    st.d=st.s===i&&st.d==='asc'?'desc':'asc';st.s=i;st.p=0;apply(st);});});
  apply(st);
});
function apply(st){
  var q=st.q.toLowerCase(),t=st.t;
  st.shown=st.rows.filter(function(r){return !q||r.textContent.toLowerCase().indexOf(q)>=0;});
  if(st.s>=0){var i=st.s,n=t.tHead.rows[0].cells[i].hasAttribute('data-num'),k=st.d==='asc'?1:-1;
    st.shown.sort(function(a,b){var x=a.cells[i].textContent,y=b.cells[i].textContent;
      return k*(n?num(x)-num(y):x<y?-1:x>y?1:0);});}
  Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,j){th.className=j===st.s?st.d:'';});
  var pages=Math.max(1,Math.ceil(st.shown.length/PAGE));st.p=Math.max(0,Math.min(st.p,pages-1));
  var body=t.tBodies[0];st.rows.forEach(function(r){r.hidden=true;});
  st.shown.forEach(function(r,j){body.appendChild(r);r.hidden=Math.floor(j/PAGE)!==st.p;});
  st.tools.querySelector('.count').textContent=st.shown.length+' / '+st.rows.length+' rows';
  st.tools.querySelector('.pos').textContent=' page '+(st.p+1)+' of '+pages+' ';
  st.tools.querySelector('.pager').style.display=pages>1?'':'none';
  st.tools.querySelector('input').value=st.q;
}
function fromHash(){
  var h=decodeURIComponent(location.hash.slice(1));if(!h)return;
  var m=/^src-(\\d+)-(\\d+)$/.exec(h);
  if(m){var s=+m[1],e=+m[2],first=null;document.querySelectorAll('.src mark').forEach(function(k){
      var on=+k.dataset.s<e&&+k.dataset.e>s;k.classList.toggle('hit',on);if(on&&!first)first=k;});
    if(first)first.scrollIntoView({block:'center'});return;}
  if(h.indexOf('t=')===0){var p={};h.split('&').forEach(function(kv){var i=kv.indexOf('=');p[kv.slice(0,i)]=kv.slice(i+1);});
    var st=tables[p.t];if(!st)return;st.q=p.q||'';st.s=p.s?+p.s:-1;st.d=p.d||'asc';st.p=p.p?+p.p-1:0;apply(st);st.t.scrollIntoView();return;}
  var el=document.getElementById(h);if(!el)return;
  var tr=el.closest('tr'),tb=el.closest('table.dt');
  if(tr&&tb){var st2=tables[tb.id];st2.q='';apply(st2);var j=st2.shown.indexOf(tr);if(j>=0){st2.p=Math.floor(j/PAGE);apply(st2);}tr.style.background='#fff3bf';}
  el.scrollIntoView();
}
window.addEventListener('hashchange',fromHash);fromHash();
})();`;
