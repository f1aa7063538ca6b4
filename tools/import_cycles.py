#!/usr/bin/env python3
"""Prints the import cycles between the files of src/ (none is the goal: each op, toolkit and public
module imports downwards only). `use` paths and `crate::`/`super::` paths in code are resolved to
the file that defines the item, following re-exports; comments (and so doc links) are ignored.

Usage: python3 tools/import_cycles.py [src] [-v]   (-v also prints each file's imports)
"""
import re,os,sys
os.chdir(sys.argv[1] if len(sys.argv)>1 else 'src')
files={}
for root,_,fs in os.walk('.'):
    for f in fs:
        if f.endswith('.rs'):
            p=os.path.join(root,f)[2:]
            if p.endswith('tests.rs'): continue
            files[p]=re.sub(r'//[^\n]*','',open(p).read())
def modpath(p):
    p=p[:-3]
    if p.endswith('/mod'): p=p[:-4]
    return 'crate' if p=='lib' else 'crate::'+p.replace('/','::')
mods={modpath(p):p for p in files}
# item definitions per module
defs={}
for m,p in mods.items():
    for name in re.findall(r'^\s*(?:pub(?:\([a-z]+\))?\s+)?(?:trait|struct|enum|fn|const|type|static|macro_rules!)\s+([A-Za-z_0-9]+)',files[p],re.M):
        defs.setdefault(name,set()).add(m)
# re-exports: `pub(crate) use x::Y;` in a module maps name -> target path
def resolve_path(cur, parts):
    base=cur.split('::')
    if parts[0]=='crate': res=['crate']; parts=parts[1:]
    elif parts[0]=='super':
        res=base[:]
        while parts and parts[0]=='super': res=res[:-1]; parts=parts[1:]
    elif parts[0]=='self': res=base[:]; parts=parts[1:]
    else:
        # relative to current module (child module path)
        res=base[:]
    # walk modules
    i=0
    while i<len(parts) and '::'.join(res+[parts[i]]) in mods:
        res=res+[parts[i]]; i+=1
    mod='::'.join(res)
    if i==len(parts): return mod
    item=parts[i]
    if mod in mods and mod!=cur:
        # is the item defined in mod or re-exported from elsewhere?
        src=files[mods[mod]]
        for path,names in re.findall(r'use\s+([a-z_:]+?)::\{?([A-Za-z_, :]*)\}?;',src):
            for n in re.split(r',\s*',names):
                n=n.strip().split(' as ')[-1].split('::')[-1]
                if n==item and path.split('::')[0] in ('crate','super','self') or (n==item and '::'.join([mod,path.split('::')[0]]) in mods):
                    return resolve_path(mod, path.split('::')+[item])
    return mod
edges={m:set() for m in mods}
for m,p in mods.items():
    src=files[p]
    for path,inner in re.findall(r'\buse\s+((?:crate|super|self)(?:::[A-Za-z_0-9]+)*)(?:::\{([^;]*)\})?\s*;',src,re.S):
        items=[i.strip() for i in re.split(r',\s*',inner)] if inner else [None]
        for it in items:
            if it in ('', 'self'): it=None
            parts=path.split('::')+([it.split(' as ')[0].split('::{')[0]] if it else [])
            parts=[x for x in '::'.join(parts).split('::') if x]
            r=resolve_path(m,parts)
            if r and r!=m and not m.startswith(r+'::'): edges[m].add(r)
    for u in re.findall(r'(?<![A-Za-z_:])((?:crate|super)(?:::[A-Za-z_0-9]+)+)',src):
        r=resolve_path(m,u.split('::'))
        if r and r!=m and not m.startswith(r+'::'): edges[m].add(r)
index={};low={};stack=[];on=set();sccs=[];n=[0]
sys.setrecursionlimit(10000)
def sc(v):
    index[v]=low[v]=n[0]; n[0]+=1; stack.append(v); on.add(v)
    for w in edges[v]:
        if w not in index: sc(w); low[v]=min(low[v],low[w])
        elif w in on: low[v]=min(low[v],index[w])
    if low[v]==index[v]:
        comp=[]
        while True:
            w=stack.pop(); on.discard(w); comp.append(w)
            if w==v: break
        if len(comp)>1: sccs.append(sorted(comp))
for v in edges:
    if v not in index: sc(v)
print("cycles:", sccs if sccs else "none")
if '-v' in sys.argv:
    for m in sorted(edges): print(m.replace('crate::',''), '->', sorted(e.replace('crate::','') for e in edges[m]))
